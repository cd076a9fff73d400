/**
 * Characters escaped in rendered strings besides the quote and the backslash: control and
 * format characters (bidirectional overrides, zero-width spaces, BOMs), line and paragraph
 * separators, spaces other than U+0020, and lone surrogates. Printed raw they would be
 * invisible in a pull request, or would make the diff show something other than what runs.
 */
const ESCAPED = /[\\"'\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]|[^\P{Zs} ]/gu;
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]|[^\P{Zs} ]/gu;

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  "\\": "\\\\",
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\v": "\\v",
};

/** `\n`-style escape for the common controls, `\uXXXX` (a surrogate pair if astral) otherwise. */
export function escapeCharacter(char: string): string {
  const short = SHORT_ESCAPES[char];
  if (short !== undefined) return short;
  let escaped = "";
  for (let i = 0; i < char.length; i++) {
    escaped += `\\u${char.charCodeAt(i).toString(16).padStart(4, "0")}`;
  }
  return escaped;
}

/**
 * A TypeScript string literal for any string, whatever it contains. The quote is chosen the
 * way prettier chooses it (double, unless the text holds more double quotes than single ones)
 * so running prettier over a migration file leaves it unchanged.
 */
export function stringLiteral(value: string): string {
  const doubles = value.split('"').length - 1;
  const singles = value.split("'").length - 1;
  const quote = doubles > singles ? "'" : '"';
  const body = value.replace(ESCAPED, (char) => {
    if (char === '"' || char === "'") return char === quote ? `\\${char}` : char;
    return escapeCharacter(char);
  });
  return quote + body + quote;
}

/**
 * Text for a comment, which is read rather than run: the characters a string literal would
 * escape are spelled as escapes too (a NUL would make git treat the file as binary), while
 * quotes and backslashes stay as they are.
 */
export function visibleText(text: string): string {
  return text.replace(INVISIBLE, escapeCharacter);
}
