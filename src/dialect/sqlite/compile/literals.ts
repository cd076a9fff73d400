import { quoteLiteral } from "../quote";

/**
 * A value as a SQLite literal, stored the way TypeORM's SQLite drivers store it: booleans as
 * 1/0, dates as ISO 8601 text, objects as JSON text, buffers as blobs.
 */
export function sqliteLiteral(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "boolean") return value ? "1" : "0";
  if (typeof value === "number") {
    if (!Number.isFinite(value))
      throw new Error(`${value} cannot be stored in SQLite as a number.`);
    return String(value);
  }
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return quoteLiteral(value.toISOString());
  if (Buffer.isBuffer(value)) return `X'${value.toString("hex")}'`;
  if (typeof value === "object") return quoteLiteral(JSON.stringify(value));
  return quoteLiteral(String(value));
}

/** `$1`, `$2`... (the placeholders migrations write, as for PostgreSQL) outside quotes. */
export function replacePlaceholders(sql: string, replace: (index: number) => string): string {
  return sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|\$(\d+)/g, (match, digits?: string) =>
    digits === undefined ? match : replace(Number(digits)),
  );
}

/** `op.execute`'s parameters written into its SQL, for `--sql` scripts. */
export function inlineParams(sql: string, params: readonly unknown[]): string {
  return replacePlaceholders(sql, (n) => {
    if (n < 1 || n > params.length)
      throw new Error(`$${n} has no parameter (${params.length} given).`);
    return sqliteLiteral(params[n - 1]);
  });
}
