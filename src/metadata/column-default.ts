import type { TableColumn } from "typeorm";
import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata";

/** `SERIAL` and its siblings by the integer type they stand for. */
const serialTypes: ReadonlySet<string> = new Set(["integer", "smallint", "bigint"]);

/**
 * TypeORM writes `SERIAL` (not `GENERATED ... AS IDENTITY`) for `@PrimaryGeneratedColumn()`
 * and `@Generated("increment")`, and also for "rowid", which only CockroachDB treats apart.
 */
export function isSerialColumn(column: TableColumn): boolean {
  return (
    column.isGenerated &&
    (column.generationStrategy === "increment" || column.generationStrategy === "rowid") &&
    serialTypes.has(column.type)
  );
}

/**
 * A generated column TypeORM can write: an integer serial, an identity column (whose type
 * PostgreSQL checks), or a uuid (the metadata builder forces uuid-generated columns to type
 * uuid).
 */
export function isGenerationExpressible(column: TableColumn): boolean {
  if (!column.isGenerated) return true;
  const strategy = column.generationStrategy;
  return strategy === "uuid" || strategy === "identity" || isSerialColumn(column);
}

/**
 * The default expression `buildCreateColumnSql` writes, as TypeORM's `normalizeDefault`
 * produces it (`'draft'`, `now()`, `'5'`, `true`, `'{"a":1}'`); PostgreSQL's canonical spelling
 * is a later stage's business.
 *
 * One deliberate difference: TypeORM pastes a string default between quotes without doubling
 * the quotes inside, so `default: "it's"` breaks its own `CREATE TABLE`; the literal here is
 * escaped.
 *
 * @param uuidGenerator the driver's `uuidGenerator`: `uuid_generate_v4()` unless the
 *   DataSource sets `uuidExtension: "pgcrypto"`, then `gen_random_uuid()`.
 */
export function columnDefault(
  metadata: ColumnMetadata,
  column: TableColumn,
  uuidGenerator: string,
): string | null {
  // The sequence's nextval is the default; the model says so with `serial`.
  if (isSerialColumn(column)) return null;
  if (column.isGenerated && column.generationStrategy === "uuid" && !column.default) {
    return uuidGenerator;
  }
  if (typeof metadata.default === "string") return `'${metadata.default.replaceAll("'", "''")}'`;
  return typeof column.default === "string" ? column.default : null;
}
