import type { Table as TypeOrmTable } from "typeorm";
import type { EntityMetadata, NamingStrategyInterface } from "typeorm";
import type { ForeignKeyMetadata } from "typeorm/metadata/ForeignKeyMetadata";
import type { PostgresDriver } from "typeorm/driver/postgres/PostgresDriver";
import type {
  Deferrable,
  EnumType,
  ForeignKey,
  Index,
  PrimaryKey,
  Table,
  UniqueConstraint,
} from "../schema/model";
import { canonicalComment, columnFromMetadata } from "./column-from-metadata";
import { referentialAction } from "./referential-action";

/** What every table of one DataSource shares. */
export interface EntityContext {
  readonly driver: PostgresDriver;
  readonly namingStrategy: NamingStrategyInterface;
  /** Schema of entities that name none: the DataSource's `schema`, else `public`. */
  readonly defaultSchema: string;
}

/** One table of the model with the enum types its columns declare. */
export interface EntityTable {
  readonly table: Table;
  readonly enums: readonly EnumType[];
}

/**
 * The table TypeORM's `synchronize` creates for one entity. It starts from TypeORM's own
 * `Table.create(metadata, driver)`, the object `RdbmsSchemaBuilder.createNewTables` hands to
 * `PostgresQueryRunner.createTable`, so columns, defaults and constraint names are the ones
 * TypeORM would write, and a custom naming strategy sees the same arguments it sees there.
 */
export function tableFromEntity(
  metadata: EntityMetadata,
  context: EntityContext,
  typeormTable: TypeOrmTable,
): EntityTable {
  const schema = metadata.schema ?? context.defaultSchema;
  // Builders name every constraint; the fallbacks are createTableSql's, kept to mirror it.
  const naming = context.namingStrategy;
  const columnContext = {
    schema,
    tableName: metadata.tableName,
    uuidGenerator: context.driver.uuidGenerator,
  };
  const built = metadata.columns
    .filter((column) => !column.isVirtualProperty)
    .map((column) => {
      const tableColumn = typeormTable.findColumnByName(column.databaseName);
      if (!tableColumn) throw new Error(`Table.create lost column ${column.databaseName}`);
      return columnFromMetadata(column, tableColumn, columnContext);
    });

  const primaryKey = primaryKeyOf(typeormTable, context.namingStrategy);
  return {
    table: {
      schema,
      name: metadata.tableName,
      columns: built.map((entry) => entry.column),
      primaryKey,
      // Column-level `unique: true` is already among these: the @Column decorator registers it
      // as a unique, which is why createTableSql never needs to add one of its own.
      uniques: keptUniques(
        primaryKey,
        typeormTable.uniques.map((unique) => ({
          name: unique.name ?? naming.uniqueConstraintName(typeormTable, unique.columnNames),
          columns: unique.columnNames,
          ...deferrableOf(unique.deferrable),
        })),
      ),
      // Table.create keeps only indices with synchronize: true, as synchronize does.
      indexes: typeormTable.indices.map((index): Index => ({
        name: index.name ?? naming.indexName(typeormTable, index.columnNames, index.where),
        columns: index.columnNames,
        unique: index.isUnique,
        where: index.where ? index.where : null,
        method: (index.isSpatial ? "gist" : (index.type ?? "btree")).toLowerCase(),
      })),
      foreignKeys: metadata.foreignKeys.map((foreignKey) =>
        foreignKeyOf(foreignKey, context.defaultSchema),
      ),
      checks: typeormTable.checks.map((check) => {
        const expression = check.expression ?? "";
        return {
          name: check.name ?? naming.checkConstraintName(typeormTable, expression),
          expression,
        };
      }),
      comment: canonicalComment(typeormTable.comment),
      exclusions: typeormTable.exclusions.map((exclusion) => {
        const expression = exclusion.expression ?? "";
        return {
          name: exclusion.name ?? naming.exclusionConstraintName(typeormTable, expression),
          expression,
          ...deferrableOf(exclusion.deferrable),
        };
      }),
    },
    enums: built.flatMap((entry) => (entry.enum ? [entry.enum] : [])),
  };
}

/**
 * The unique constraints `CREATE TABLE` really creates from createTableSql's clauses, which
 * list them in this order. PostgreSQL keeps one of several identical UNIQUE clauses (the same
 * columns in the same order, the same deferrability) and silently drops the rest: the
 * primary key when it is one of them, else the first (`transformIndexConstraints`). TypeORM
 * writes such twins for a one-to-one join column that is also `unique: true`, or under an
 * `@Unique` of its own, or for an `@Unique` over the primary key. Adding the dropped ones
 * later with `ADD CONSTRAINT` would make a second, redundant constraint that `synchronize`
 * never makes.
 */
function keptUniques(
  primaryKey: PrimaryKey | null,
  uniques: readonly UniqueConstraint[],
): UniqueConstraint[] {
  const shape = (key: { columns: readonly string[]; deferrable?: Deferrable }): string =>
    JSON.stringify([key.columns, key.deferrable ?? null]);
  const taken = new Set(primaryKey ? [shape(primaryKey)] : []);
  return uniques.filter((unique) => {
    if (taken.has(shape(unique))) return false;
    taken.add(shape(unique));
    return true;
  });
}

/** `createTableSql`: the first primary column's constraint name, else the naming strategy's. */
function primaryKeyOf(
  table: TypeOrmTable,
  namingStrategy: NamingStrategyInterface,
): PrimaryKey | null {
  const columns = table.columns.filter((column) => column.isPrimary);
  const first = columns[0];
  if (!first) return null;
  const names = columns.map((column) => column.name);
  return {
    name: first.primaryKeyConstraintName ?? namingStrategy.primaryKeyName(table, names),
    columns: names,
  };
}

/** `createForeignKeys` passes the metadata's name, built by the naming strategy, unchanged. */
function foreignKeyOf(foreignKey: ForeignKeyMetadata, defaultSchema: string): ForeignKey {
  const referenced = foreignKey.referencedEntityMetadata;
  return {
    name: foreignKey.name,
    columns: foreignKey.columnNames,
    referencedSchema: referenced.schema ?? defaultSchema,
    referencedTable: referenced.tableName,
    referencedColumns: foreignKey.referencedColumnNames,
    // unsupportedFeatures() has already refused actions PostgreSQL does not know.
    onDelete: referentialAction(foreignKey.onDelete) ?? "NO ACTION",
    onUpdate: referentialAction(foreignKey.onUpdate) ?? "NO ACTION",
    ...deferrableOf(foreignKey.deferrable),
  };
}

/** TypeORM's `deferrable` option, kept only when set (the model leaves "not deferrable" out). */
function deferrableOf(deferrable: string | undefined): { deferrable?: Deferrable } {
  return deferrable === "INITIALLY IMMEDIATE" || deferrable === "INITIALLY DEFERRED"
    ? { deferrable }
    : {};
}
