/**
 * SQLite quoting: identifiers in double quotes, literals in single quotes, each doubled
 * inside. SQLite has no schemas in the PostgreSQL sense (an attached database is the closest),
 * so the model's schema (`public` for every table read from a SQLite file) is not written.
 */
export function quoteIdent(name: string): string {
  if (name.includes("\u0000"))
    throw new Error(`Identifier ${JSON.stringify(name)} holds a NUL byte.`);
  return `"${name.replaceAll('"', '""')}"`;
}

export function quoteLiteral(value: string): string {
  if (value.includes("\u0000"))
    throw new Error(`Literal ${JSON.stringify(value)} holds a NUL byte.`);
  return `'${value.replaceAll("'", "''")}'`;
}

export function qualifiedName(_schema: string, name: string): string {
  return quoteIdent(name);
}

/** SQLite keeps names of any length. */
export const MAX_IDENTIFIER_BYTES = Number.MAX_SAFE_INTEGER;
