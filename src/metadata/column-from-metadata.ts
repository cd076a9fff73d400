import type { TableColumn } from "typeorm";
import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata";
import type { Column, EnumType, IdentityKind } from "../schema/model";
import { columnDefault, isSerialColumn } from "./column-default";
import { canonicalColumnType } from "./column-type";

/** What a column needs to know about its table. */
export interface ColumnContext {
  readonly schema: string;
  readonly tableName: string;
  readonly uuidGenerator: string;
}

/** A model column, plus the enum type it declares when it is an enum column with values. */
export interface ColumnWithEnum {
  readonly column: Column;
  readonly enum: EnumType | null;
}

/**
 * One model column from TypeORM's column metadata and the `TableColumn` that
 * `Table.create` (the same call `synchronize` makes) derives from it.
 */
export function columnFromMetadata(
  metadata: ColumnMetadata,
  column: TableColumn,
  context: ColumnContext,
): ColumnWithEnum {
  const enumType = column.type === "enum" ? enumFor(column, context) : null;
  const identity = identityOf(column);
  return {
    column: {
      name: column.name,
      type: enumType ? enumType.name : canonicalColumnType(column),
      typeSchema: enumType ? enumType.schema : null,
      isArray: column.isArray,
      // PostgreSQL makes primary key and identity columns NOT NULL whatever the entity says.
      nullable: column.isNullable && !column.isPrimary && identity === null,
      default: columnDefault(metadata, column, context.uuidGenerator),
      serial: isSerialColumn(column),
      comment: canonicalComment(column.comment),
      ...(identity !== null ? { identity } : {}),
      // Only STORED is written: TypeORM's PostgreSQL driver ignores any other kind.
      ...(column.generatedType === "STORED" && column.asExpression
        ? { generated: column.asExpression }
        : {}),
      ...(column.collation ? { collation: column.collation } : {}),
    },
    enum: enumType && enumType.values.length > 0 ? enumType : null,
  };
}

/**
 * PostgresQueryRunner's `buildEnumName`: the given `enumName`, else
 * `<table>_<lower-cased column>_enum`, in the table's schema. Values become strings
 * (`TableUtils` maps `1` to `"1"`), in declared order.
 */
function enumFor(column: TableColumn, context: ColumnContext): EnumType {
  return {
    schema: context.schema,
    name: column.enumName ?? `${context.tableName}_${column.name.toLowerCase()}_enum`,
    values: (column.enum ?? []).map(String),
  };
}

/**
 * `buildCreateColumnSql` writes `GENERATED <generatedIdentity> AS IDENTITY` for the identity
 * strategy, `BY DEFAULT` when the entity names no kind.
 */
function identityOf(column: TableColumn): IdentityKind | null {
  if (!column.isGenerated || column.generationStrategy !== "identity") return null;
  return column.generatedIdentity === "ALWAYS" ? "ALWAYS" : "BY DEFAULT";
}

/** `escapeComment` drops NUL bytes and turns an empty comment into `IS NULL`. */
export function canonicalComment(comment: string | undefined): string | null {
  const text = (comment ?? "").replaceAll("\u0000", "");
  return text === "" ? null : text;
}
