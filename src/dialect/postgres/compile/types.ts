import { AutogenError } from "../../../errors";
import type { Column } from "../../../schema/model";
import { qualifiedName } from "../quote";

/** The parts of a column that make up its type. */
export type ColumnType = Pick<Column, "type" | "typeSchema" | "isArray">;

/** `serial` is shorthand PostgreSQL only knows for these three integer types. */
const SERIAL_TYPES: ReadonlyMap<string, string> = new Map([
  ["smallint", "smallserial"],
  ["integer", "serial"],
  ["bigint", "bigserial"],
]);

/**
 * The SQL text of a column's type.
 *
 * Built-in types are already canonical SQL (`character varying(255)`, `timestamp with time
 * zone`) and are printed as they are; quoting them would turn `integer` into a name lookup.
 * User-defined types (enums) are names, so they are quoted and schema-qualified.
 */
export function typeSql(column: ColumnType): string {
  const base =
    column.typeSchema === null ? column.type : qualifiedName(column.typeSchema, column.type);
  return column.isArray ? `${base}[]` : base;
}

/**
 * The type to write in a column definition: as `typeSql`, except that a serial column becomes
 * `serial`/`bigserial`/`smallserial`, which creates and owns the sequence its default uses.
 */
export function columnTypeSql(column: ColumnType & Pick<Column, "serial" | "name">): string {
  if (!column.serial) return typeSql(column);
  const serial =
    column.typeSchema === null && !column.isArray ? SERIAL_TYPES.get(column.type) : undefined;
  if (!serial) {
    throw new AutogenError(
      "unsupported-column",
      `Column "${column.name}" is serial but has type ${typeSql(column)}; only smallint, integer and bigint can be serial.`,
    );
  }
  return serial;
}
