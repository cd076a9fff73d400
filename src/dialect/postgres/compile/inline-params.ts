import { AutogenError } from "../../../errors";
import { quoteLiteral } from "../quote";
import { pgModule } from "../session/pg-module";

/**
 * Online, `op.execute(sql, params)` sends its parameters separately; an offline `--sql`
 * script has nowhere to send them, so they are written into the text as literals instead.
 */

/**
 * node-postgres' own conversion of a JavaScript value to parameter text (dates, arrays, JSON,
 * `toPostgres`), so a script says exactly what the online run would have sent. It is part of
 * the package's runtime exports but missing from its type declarations.
 */
const prepareValue = (value: unknown): string | Buffer | null =>
  (
    pgModule() as unknown as { utils: { prepareValue(value: unknown): string | Buffer | null } }
  ).utils.prepareValue(value);

/**
 * A parameter as a literal. Every value becomes a quoted string of unknown type, exactly like
 * an untyped parameter, so PostgreSQL infers the same type from the context either way, and a
 * negative number can never merge with a preceding `-` into a comment.
 */
export function parameterLiteral(value: unknown): string {
  const prepared = prepareValue(value);
  if (prepared === null) return "NULL";
  // pg sends a Buffer as raw bytes; in text, bytea's hex format says the same.
  if (Buffer.isBuffer(prepared)) return quoteLiteral(`\\x${prepared.toString("hex")}`);
  return quoteLiteral(prepared);
}

const IDENT_CHAR = /[\p{L}\p{N}_$\u0080-\uFFFF]/u;
const DOLLAR_QUOTE = /\$(?:[\p{L}_\u0080-\uFFFF][\p{L}\p{N}_\u0080-\uFFFF]*)?\$/uy;
const PLACEHOLDER = /\$(\d+)/y;

const follows = (sql: string, i: number): boolean => i > 0 && IDENT_CHAR.test(sql[i - 1] ?? "");

/** End of a quoted run opened at `i` by `quote`, where a doubled quote stands for itself. */
function quotedEnd(sql: string, i: number, quote: string, backslashEscapes: boolean): number {
  let j = i + 1;
  while (j < sql.length) {
    const c = sql[j];
    if (backslashEscapes && c === "\\") j += 2;
    else if (c === quote && sql[j + 1] === quote) j += 2;
    else if (c === quote) return j + 1;
    else j += 1;
  }
  return sql.length;
}

function blockCommentEnd(sql: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < sql.length) {
    if (sql.startsWith("/*", j)) [depth, j] = [depth + 1, j + 2];
    else if (sql.startsWith("*/", j)) [depth, j] = [depth - 1, j + 2];
    else j += 1;
    if (depth === 0) return j;
  }
  return sql.length;
}

/**
 * Where the text that starts at `i` stops being copied verbatim: the end of a string, quoted
 * identifier, comment or dollar-quoted body, in which a `$1` is just text. Null when none
 * starts at `i`. An unterminated one runs to the end (PostgreSQL will report it).
 */
function verbatimEnd(sql: string, i: number): number | null {
  const c = sql[i];
  if (c === "'") {
    const escapeString = /[eE]/.test(sql[i - 1] ?? "") && !follows(sql, i - 1);
    return quotedEnd(sql, i, "'", escapeString);
  }
  if (c === '"') return quotedEnd(sql, i, '"', false);
  if (sql.startsWith("--", i)) {
    const newline = sql.indexOf("\n", i);
    return newline < 0 ? sql.length : newline;
  }
  if (sql.startsWith("/*", i)) return blockCommentEnd(sql, i);
  if (c === "$" && !follows(sql, i)) {
    DOLLAR_QUOTE.lastIndex = i;
    const tag = DOLLAR_QUOTE.exec(sql)?.[0];
    if (tag === undefined) return null;
    const close = sql.indexOf(tag, i + tag.length);
    return close < 0 ? sql.length : close + tag.length;
  }
  return null;
}

/**
 * Replaces the placeholders `$1`, `$2`, ... of `sql` with `params` as literals, leaving alone
 * a `$1` inside a string, quoted identifier, comment or dollar-quoted body, or one that is part
 * of an identifier such as `a$1`. Strings follow `standard_conforming_strings = on`.
 *
 * @example inlineParams("UPDATE t SET v = $1 WHERE k = $2", ["it's", 7])
 * // => "UPDATE t SET v = 'it''s' WHERE k = '7'"
 */
export function inlineParams(sql: string, params: readonly unknown[]): string {
  let out = "";
  let i = 0;
  while (i < sql.length) {
    const end = verbatimEnd(sql, i);
    if (end !== null) {
      out += sql.slice(i, end);
      i = end;
      continue;
    }
    PLACEHOLDER.lastIndex = i;
    const placeholder = follows(sql, i) ? null : PLACEHOLDER.exec(sql);
    if (placeholder === null) {
      out += sql[i];
      i += 1;
      continue;
    }
    const n = Number(placeholder[1]);
    if (n < 1 || n > params.length) {
      throw new AutogenError(
        "sql-parameters",
        `The SQL refers to $${n} but ${params.length} parameter(s) were given.`,
      );
    }
    out += parameterLiteral(params[n - 1]);
    i += placeholder[0].length;
  }
  return out;
}
