import { escapeCharacter } from "./string-literal";

/**
 * What a template literal must escape to mean exactly the text: the backslash, the backtick,
 * `${`, and the characters a string literal escapes (controls, invisible and format characters,
 * lone surrogates) except the line feed. A carriage return is escaped too: JavaScript reads a
 * raw CR LF inside a template literal as LF alone.
 */
const ESCAPED = /[\\`]|\$\{|(?!\n)[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]|[^\P{Zs} ]/gu;

/**
 * A template literal (backticks, as TypeORM's own generated migrations quote their SQL) for
 * any text: SQL keeps its double and single quotes unescaped, and a multi-line statement
 * stays on its lines.
 *
 * @example templateLiteral('SELECT `x`, "y"') // => '`SELECT \\`x\\`, "y"`'
 */
export function templateLiteral(text: string): string {
  const body = text.replace(ESCAPED, (match) => {
    if (match === "`" || match === "\\") return `\\${match}`;
    if (match === "${") return "\\${";
    return escapeCharacter(match);
  });
  return `\`${body}\``;
}
