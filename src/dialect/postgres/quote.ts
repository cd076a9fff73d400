import { AutogenError } from "../../errors";

/**
 * The only quoting in the code base. Every identifier and every literal that ends up in SQL
 * text goes through these helpers; names may hold quotes, backslashes, `$$`, semicolons or
 * any unicode, and must come out as exactly one token that PostgreSQL reads back unchanged.
 */

/** PostgreSQL keeps NAMEDATALEN - 1 bytes of an identifier and silently drops the rest. */
export const MAX_IDENTIFIER_BYTES = 63;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * PostgreSQL text cannot hold a NUL character, and a lone UTF-16 surrogate would reach the
 * server as U+FFFD: either way the database would store something other than what was asked.
 */
function assertStorable(text: string, what: string): void {
  if (text.includes("\0")) {
    throw new AutogenError("invalid-sql-text", `${what} contains a NUL character.`);
  }
  if (LONE_SURROGATE.test(text)) {
    throw new AutogenError("invalid-sql-text", `${what} contains an unpaired UTF-16 surrogate.`);
  }
}

/**
 * Quotes an identifier: always in double quotes, inner double quotes doubled.
 *
 * Always quoting (never only "when needed") keeps case, keeps reserved words usable and makes
 * the output independent of the server's keyword list. Names PostgreSQL would truncate are
 * refused: a truncated name would never match its entity again, so every later diff would
 * report a change.
 *
 * @example quoteIdent('we"ird') // => "we""ird"
 */
export function quoteIdent(name: string): string {
  if (name.length === 0) {
    throw new AutogenError("invalid-identifier", "An identifier cannot be empty.");
  }
  assertStorable(name, `Identifier ${JSON.stringify(name)}`);
  const bytes = Buffer.byteLength(name, "utf8");
  if (bytes > MAX_IDENTIFIER_BYTES) {
    throw new AutogenError(
      "invalid-identifier",
      `Identifier ${JSON.stringify(name)} is ${bytes} bytes long; PostgreSQL keeps only ${MAX_IDENTIFIER_BYTES}.`,
      "Give the table, column or constraint a shorter explicit name.",
    );
  }
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Quotes a string literal.
 *
 * Without a backslash the value becomes `'...'` with single quotes doubled, which reads the
 * same whatever `standard_conforming_strings` says. With a backslash it becomes an escape
 * string `E'...'` with backslashes doubled too: a plain literal would mean one thing with
 * `standard_conforming_strings` on (the default since 9.1) and another with it off, and a
 * script printed by `--sql` may be run anywhere. This is what libpq's `PQescapeLiteral` does.
 *
 * @example quoteLiteral("it's") // => 'it''s'
 * @example quoteLiteral("a\\b") // => E'a\\b'
 */
export function quoteLiteral(value: string): string {
  assertStorable(value, `Literal ${JSON.stringify(value)}`);
  const quoted = value.replaceAll("'", "''");
  return value.includes("\\") ? `E'${quoted.replaceAll("\\", "\\\\")}'` : `'${quoted}'`;
}

/**
 * A schema-qualified name, `"schema"."name"`. Always qualified, even for `public`, so that
 * statements mean the same thing whatever the session's `search_path` is.
 */
export function qualifiedName(schema: string, name: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(name)}`;
}

/** A parenthesised, comma-separated list of quoted column names: `("a", "b")`. */
export function columnList(columns: readonly string[]): string {
  return `(${columns.map(quoteIdent).join(", ")})`;
}

/**
 * Dollar-quotes a body (a `DO` block's code): `$autogen$...$autogen$`, with a numbered tag
 * when the body itself contains the tag, so the body always comes out as one token.
 *
 * @example dollarQuote("BEGIN NULL; END") // => $autogen$BEGIN NULL; END$autogen$
 */
export function dollarQuote(body: string): string {
  assertStorable(body, "Dollar-quoted text");
  let tag = "$autogen$";
  // The body must not hold the tag, nor end in a way that makes one with the closing tag.
  for (let n = 1; `${body}${tag}`.indexOf(tag) !== body.length; n++) tag = `$autogen${n}$`;
  return `${tag}${body}${tag}`;
}
