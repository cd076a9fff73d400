import type { EntityMetadata } from "typeorm";
import type { Column, PrimaryKey, Table } from "../schema/model";
import { displayName } from "../schema/normalize";
import { refKey } from "../schema/keys";
import { EntityMetadataError } from "./metadata-errors";

/** One entity's description of a table, and what a message calls that entity. */
export interface TableDeclaration {
  readonly table: Table;
  /** `PostTag`, or `the @JoinTable of Post.tags`. */
  readonly declaredBy: string;
}

/** How a message names the entity behind a metadata: its class, or the relation that made it. */
export function declarationName(metadata: EntityMetadata): string {
  if (metadata.tableType === "closure-junction") {
    return `the closure table of ${metadata.parentClosureEntityMetadata.name}`;
  }
  if (metadata.tableType !== "junction") return metadata.name;
  // A junction's owner columns point at the entity whose relation has the @JoinTable.
  const owner = metadata.ownerColumns[0]?.referencedColumn?.entityMetadata;
  const inverse = metadata.inverseColumns[0]?.referencedColumn?.entityMetadata;
  const relation = owner?.manyToManyRelations.find(
    (candidate) =>
      candidate.isOwning &&
      candidate.joinTableName === metadata.tableName &&
      candidate.inverseEntityMetadata === inverse,
  );
  return owner && relation
    ? `the @JoinTable of ${owner.name}.${relation.propertyPath}`
    : `the @JoinTable "${metadata.tableName}"`;
}

/**
 * One table for each schema and name, however many entities declare it: an entity class of a
 * many-to-many's junction table beside the `@JoinTable` naming it, or a `@JoinTable` on both
 * sides of one relation. The table is what a fresh `synchronize` makes of them: the first
 * declaration's table (regular entities come before junction tables, in `entities` order),
 * with the columns the later ones add, and the indexes, constraints and foreign keys of all,
 * matched by name (the first declaration's definition wins, as `synchronize` skips a name it
 * already created). The primary key, the comment and the order of the shared columns are the
 * first declaration's.
 *
 * @throws EntityMetadataError when two declarations disagree on a shared column (its type,
 *   nullability, default, comment..., or whether it is unique) or on the primary key's
 *   columns: `synchronize` would change the table back and forth between them, or fail.
 */
export function mergeDeclarations(declarations: readonly TableDeclaration[]): Table[] {
  const groups = new Map<string, TableDeclaration[]>();
  for (const declaration of declarations) {
    const key = refKey(declaration.table);
    groups.set(key, [...(groups.get(key) ?? []), declaration]);
  }
  return [...groups.values()].map(mergeGroup);
}

function mergeGroup(group: readonly TableDeclaration[]): Table {
  const [first, ...later] = group as [TableDeclaration, ...TableDeclaration[]];
  if (later.length === 0) return first.table;
  const columns = new Map<string, { column: Column; by: TableDeclaration }>();
  for (const declaration of group) {
    checkPrimaryKey(first, declaration);
    for (const column of declaration.table.columns) {
      const known = columns.get(column.name);
      if (known) checkColumn(known.by, declaration, known.column, column);
      else columns.set(column.name, { column, by: declaration });
    }
  }
  const all = <T extends { readonly name: string }>(pick: (t: Table) => readonly T[] | undefined) =>
    unionByName(group.flatMap((declaration) => pick(declaration.table) ?? []));
  const exclusions = all((table) => table.exclusions);
  return {
    ...first.table,
    columns: [...columns.values()].map((entry) => entry.column),
    uniques: all((table) => table.uniques),
    indexes: all((table) => table.indexes),
    foreignKeys: all((table) => table.foreignKeys),
    checks: all((table) => table.checks),
    ...(exclusions.length > 0 ? { exclusions } : {}),
  };
}

/** The first object of each name, in order. */
function unionByName<T extends { readonly name: string }>(objects: readonly T[]): T[] {
  const seen = new Set<string>();
  return objects.filter((object) => !seen.has(object.name) && seen.add(object.name));
}

function conflict(a: TableDeclaration, b: TableDeclaration, what: string): EntityMetadataError {
  return new EntityMetadataError(
    `Table "${displayName(a.table)}" is declared by ${a.declaredBy} and by ${b.declaredBy}, ` +
      `which disagree on ${what}.`,
    "TypeORM's synchronize makes one table of both declarations and changes it back and forth " +
      "between them: declare it the same way in each, or keep one declaration (an entity class " +
      "with two @ManyToOne relations can replace a @JoinTable).",
  );
}

const columnList = (key: PrimaryKey | null): string =>
  key ? `(${key.columns.map((c) => JSON.stringify(c)).join(", ")})` : "none";

/** Primary keys must hold the same columns; their order and name are the first's. */
function checkPrimaryKey(first: TableDeclaration, other: TableDeclaration): void {
  const set = (key: PrimaryKey | null) => JSON.stringify([...(key?.columns ?? [])].sort());
  if (set(first.table.primaryKey) === set(other.table.primaryKey)) return;
  const [a, b] = [first.table.primaryKey, other.table.primaryKey].map(columnList);
  throw conflict(
    first,
    other,
    `the primary key: ${a} in ${first.declaredBy}, ${b} in ${other.declaredBy}`,
  );
}

const ATTRIBUTES = [
  "type",
  "nullable",
  "default",
  "serial",
  "identity",
  "generated",
  "collation",
  "comment",
] as const;

type Attribute = (typeof ATTRIBUTES)[number] | "unique";

function describe(column: Column, attribute: Attribute, unique: boolean): string {
  switch (attribute) {
    case "type": {
      const type = column.typeSchema ? `${column.typeSchema}.${column.type}` : column.type;
      return `type ${type}${column.isArray ? "[]" : ""}`;
    }
    case "nullable":
      return column.nullable ? "nullable" : "NOT NULL";
    case "default":
      return column.default === null ? "no default" : `default ${column.default}`;
    case "serial":
      return column.serial ? "serial" : "not serial";
    case "identity":
      return column.identity ? `identity ${column.identity}` : "no identity";
    case "generated":
      return column.generated ? `generated as ${column.generated}` : "not generated";
    case "collation":
      return column.collation ? `collation ${column.collation}` : "the default collation";
    case "comment":
      return column.comment === null ? "no comment" : `comment ${JSON.stringify(column.comment)}`;
    case "unique":
      return unique ? "unique" : "not unique";
  }
}

/** A column-level unique (`unique: true`, a one-column `@Unique`): a column attribute to TypeORM. */
const isUnique = (table: Table, column: string): boolean =>
  table.uniques.some((unique) => unique.columns.length === 1 && unique.columns[0] === column);

function checkColumn(a: TableDeclaration, b: TableDeclaration, left: Column, right: Column): void {
  const value = (column: Column, attribute: (typeof ATTRIBUTES)[number]): unknown =>
    attribute === "type"
      ? [column.type, column.typeSchema, column.isArray]
      : (column[attribute] ?? null);
  const differing: Attribute[] = ATTRIBUTES.filter(
    (attribute) =>
      JSON.stringify(value(left, attribute)) !== JSON.stringify(value(right, attribute)),
  );
  const [uniqueA, uniqueB] = [isUnique(a.table, left.name), isUnique(b.table, right.name)];
  if (uniqueA !== uniqueB) differing.push("unique");
  if (differing.length === 0) return;
  const side = (column: Column, unique: boolean, by: TableDeclaration) =>
    `${differing.map((attribute) => describe(column, attribute, unique)).join(", ")} in ${by.declaredBy}`;
  throw conflict(
    a,
    b,
    `column "${left.name}": ${side(left, uniqueA, a)}, ${side(right, uniqueB, b)}`,
  );
}
