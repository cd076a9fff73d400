import type { Column, DatabaseSchema, EnumType, Table } from "../../src/schema/model";
import { normalizeSchema } from "../../src/schema/normalize";

/** Terse builders for model fixtures; every field not given takes the common value. */
export function column(name: string, type: string, extra: Partial<Column> = {}): Column {
  return {
    name,
    type,
    typeSchema: null,
    isArray: false,
    nullable: false,
    default: null,
    serial: false,
    comment: null,
    ...extra,
  };
}

export function table(name: string, columns: Column[], extra: Partial<Table> = {}): Table {
  return {
    schema: "public",
    name,
    columns,
    primaryKey: null,
    uniques: [],
    indexes: [],
    foreignKeys: [],
    checks: [],
    comment: null,
    ...extra,
  };
}

export function schema(
  tables: Table[],
  enums: EnumType[] = [],
  schemas: string[] = [],
): DatabaseSchema {
  return normalizeSchema({ schemas, tables, enums });
}
