import { AutogenError } from "../../../errors";
import type { IdentityKind } from "../../../schema/model";
import {
  dollarQuote,
  MAX_IDENTIFIER_BYTES,
  qualifiedName,
  quoteIdent,
  quoteLiteral,
} from "../quote";

/**
 * SQL for the ways a column generates its values besides a plain default: identity columns,
 * and serial columns with the sequence they own.
 */

const identityKinds: Readonly<Record<IdentityKind, string>> = {
  ALWAYS: "ALWAYS",
  "BY DEFAULT": "BY DEFAULT",
};

/**
 * `ALWAYS` or `BY DEFAULT`, checked: the kind is written into SQL as a keyword, and migration
 * files are compiled without type checking, so a typo must stop here.
 */
export function identityKeyword(kind: IdentityKind): string {
  const keyword = Object.hasOwn(identityKinds, kind) ? identityKinds[kind] : undefined;
  if (keyword === undefined) {
    throw new AutogenError(
      "invalid-operation",
      `${JSON.stringify(kind)} is not an identity kind.`,
      'Use "ALWAYS" or "BY DEFAULT".',
    );
  }
  return keyword;
}

/** Bytes of a string cut to at most `bytes` bytes, by whole characters (`pg_mbcliplen`). */
function clip(text: string, bytes: number): string {
  let result = text;
  while (Buffer.byteLength(result, "utf8") > bytes) result = [...result].slice(0, -1).join("");
  return result;
}

/**
 * The name PostgreSQL gives the sequence of a `serial` column, `<table>_<column>_seq`, with
 * the longer of the two names shortened first to fit 63 bytes (`makeObjectName`). PostgreSQL
 * appends a number when that name is taken; creating it under this name then fails, which
 * rolls the migration back rather than leaving a differently named sequence.
 */
export function serialSequenceName(table: string, column: string): string {
  const available = MAX_IDENTIFIER_BYTES - "_seq".length - 1;
  let tableBytes = Buffer.byteLength(table, "utf8");
  let columnBytes = Buffer.byteLength(column, "utf8");
  while (tableBytes + columnBytes > available) {
    if (tableBytes > columnBytes) tableBytes--;
    else columnBytes--;
  }
  return `${clip(table, tableBytes)}_${clip(column, columnBytes)}_seq`;
}

/** `pg_get_serial_sequence(...)`: the sequence a serial or identity column uses, by lookup. */
function sequenceOf(schema: string, table: string, column: string): string {
  return `pg_get_serial_sequence(${quoteLiteral(qualifiedName(schema, table))}, ${quoteLiteral(column)})`;
}

/**
 * Moves the column's sequence past the largest value in the table, so that a column which
 * starts generating values (serial or identity, added to a table with rows) does not hand out
 * ones already taken.
 */
export function restartAfterMax(schema: string, table: string, column: string): string {
  return (
    `SELECT setval(${sequenceOf(schema, table, column)}, ` +
    `coalesce(max(${quoteIdent(column)}), 0) + 1, false) FROM ${qualifiedName(schema, table)}`
  );
}

/** The integer types `serial`, `smallserial` and `bigserial` stand for. */
const SERIAL_TYPES: ReadonlySet<string> = new Set(["smallint", "integer", "bigint"]);

/**
 * Makes an existing column serial, as `CREATE TABLE ... serial` would have: a sequence of
 * the column's type named the way PostgreSQL names it, owned by the column, as its default.
 */
export function addSerial(schema: string, table: string, column: string, type: string): string[] {
  if (!SERIAL_TYPES.has(type)) {
    throw new AutogenError(
      "unsupported-column",
      `Column "${column}" cannot become serial: its type is ${type}, not smallint, integer or bigint.`,
    );
  }
  const sequence = qualifiedName(schema, serialSequenceName(table, column));
  const alter = `ALTER TABLE ${qualifiedName(schema, table)} ALTER COLUMN ${quoteIdent(column)}`;
  return [
    `CREATE SEQUENCE ${sequence} AS ${type} OWNED BY ${qualifiedName(schema, table)}.${quoteIdent(column)}`,
    `${alter} SET DEFAULT nextval(${quoteLiteral(sequence)}::regclass)`,
    restartAfterMax(schema, table, column),
  ];
}

/**
 * Makes a serial column plain: its `nextval` default goes, then the sequence it owns, found by
 * lookup because PostgreSQL may have named it otherwise (or the table was renamed since).
 */
export function dropSerial(schema: string, table: string, column: string): string[] {
  const alter = `ALTER TABLE ${qualifiedName(schema, table)} ALTER COLUMN ${quoteIdent(column)}`;
  const body = `BEGIN EXECUTE 'DROP SEQUENCE ' || ${sequenceOf(schema, table, column)}; END`;
  return [`${alter} DROP DEFAULT`, `DO ${dollarQuote(body)}`];
}

/**
 * Gives a serial column's sequence the column's new integer type, as `serial`, `bigserial`
 * or `smallserial` would have made it: `ALTER COLUMN ... TYPE` leaves the sequence as it was,
 * and an `integer` sequence stops at 2^31 - 1 whatever the column holds. (An identity
 * column's sequence follows its column by itself.)
 */
export function retypeSerialSequence(
  schema: string,
  table: string,
  column: string,
  type: string,
): string {
  if (!SERIAL_TYPES.has(type)) {
    throw new AutogenError(
      "unsupported-column",
      `Column "${column}" is serial but its new type is ${type}, not smallint, integer or bigint.`,
    );
  }
  const body = `BEGIN EXECUTE 'ALTER SEQUENCE ' || ${sequenceOf(schema, table, column)} || ' AS ${type}'; END`;
  return `DO ${dollarQuote(body)}`;
}
