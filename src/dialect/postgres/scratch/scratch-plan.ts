import type { Column, DatabaseSchema, EnumType, Table } from "../../../schema/model";
import { displayName } from "../../../schema/normalize";
import { qualifiedName, quoteIdent, quoteLiteral } from "../quote";
import type { ScratchTypeKind } from "./scratch-types";
import { typeSql } from "../compile/types";
import { qualifiedKey as typeKey } from "../../../schema/keys";

/** Where a scratch statement's SQL came from, so a rejection can name it. */
export interface StatementOrigin {
  /** `schema.table`, or `schema.type` for an enum type. */
  readonly owner: string;
  /** The column, check or index; null for the table or type itself. */
  readonly subject: string | null;
  /** Names the origin in a message: `Table "blog.posts" column "price"`. */
  readonly label: string;
  /** The model's SQL in the statement, quoted in the message: `integer DEFAULT 'x'`. */
  readonly fragment: string;
  /** What to tell the user when PostgreSQL rejects the statement, if not the usual advice. */
  readonly hint?: string;
}

export interface ScratchStatement {
  readonly sql: string;
  readonly origin: StatementOrigin;
}

/** One model table and the names of what mirrors it in the scratch schema. */
export interface ScratchTable {
  readonly model: Table;
  /** Name of the temporary table. */
  readonly name: string;
  /** Columns whose default is read back from the scratch table. */
  readonly defaults: ReadonlySet<string>;
  /**
   * Scratch constraint name of each model check, by position. Like every scratch name it
   * starts with the scratch table's name: an exclusion constraint owns an index, and index
   * names are unique per schema, not per table.
   */
  readonly checks: readonly string[];
  /** Scratch index name of each model index with a predicate, by position (null: none). */
  readonly indexes: readonly (string | null)[];
  /** Scratch constraint name of each model exclusion constraint, by position. */
  readonly exclusions: readonly string[];
}

export interface ScratchPlan {
  /**
   * What is sent: each table as one CREATE TEMPORARY TABLE with its columns, checks and
   * exclusions inline, then its partial indexes. A table built by one statement costs
   * PostgreSQL one catalog update where ADD COLUMN per column cost one each.
   */
  readonly batch: readonly string[];
  /** The same objects one expression a statement, run one by one to name a rejected one. */
  readonly statements: readonly ScratchStatement[];
  readonly tables: readonly ScratchTable[];
}

const TABLE_PREFIX = "autogen_canon_";

/** A column name for partial-index keys that no model column uses. */
function spareColumnName(table: Table): string {
  const taken = new Set(table.columns.map((c) => c.name));
  let name = `${TABLE_PREFIX}key`;
  while (taken.has(name)) name += "_";
  return name;
}

interface ScratchColumnType {
  readonly sql: string;
  /** Whether the default's printed form on the scratch table is its real canonical form. */
  readonly canonical: boolean;
}

export function scratchColumnType(
  column: Column,
  kinds: ReadonlyMap<string, ScratchTypeKind>,
): ScratchColumnType {
  if (column.typeSchema === null) return { sql: typeSql(column), canonical: true };
  const kind = kinds.get(typeKey(column.typeSchema, column.type)) ?? "stand-in";
  if (kind === "stand-in") return { sql: column.isArray ? "text[]" : "text", canonical: false };
  return { sql: typeSql(column), canonical: true };
}

/**
 * The extensions the model needs, installed first (when missing) so that their types and
 * functions resolve; the transaction is rolled back, so nothing is left installed.
 */
function extensionStatements(schema: DatabaseSchema): ScratchStatement[] {
  return (schema.extensions ?? []).map((name) => ({
    sql: `CREATE EXTENSION IF NOT EXISTS ${quoteIdent(name)}`,
    origin: {
      owner: name,
      subject: null,
      label: `Extension "${name}"`,
      fragment: "",
      hint:
        `The migration will run CREATE EXTENSION IF NOT EXISTS "${name}": install the extension ` +
        "ahead as a user allowed to, or run autogenerate as one.",
    },
  }));
}

function enumStatements(
  schema: DatabaseSchema,
  kinds: ReadonlyMap<string, ScratchTypeKind>,
  existingSchemas: ReadonlySet<string>,
): ScratchStatement[] {
  const kindOf = (e: EnumType) => kinds.get(typeKey(e.schema, e.name));
  const toCreate: EnumType[] = schema.enums.filter(
    (e) => kindOf(e) === "create" || kindOf(e) === "replace",
  );
  const statements: ScratchStatement[] = [];
  for (const name of new Set(toCreate.map((e) => e.schema))) {
    if (existingSchemas.has(name)) continue;
    const origin = { owner: name, subject: null, label: `Schema "${name}"`, fragment: "" };
    statements.push({ sql: `CREATE SCHEMA ${quoteIdent(name)}`, origin });
  }
  toCreate.forEach((e, i) => {
    const owner = displayName(e);
    const labels = e.values.map(quoteLiteral).join(", ");
    if (kindOf(e) === "replace") {
      statements.push({
        sql: `ALTER TYPE ${qualifiedName(e.schema, e.name)} RENAME TO ${quoteIdent(`${TABLE_PREFIX}live_${i}`)}`,
        origin: { owner, subject: null, label: `Enum type "${owner}"`, fragment: "" },
      });
    }
    statements.push({
      sql: `CREATE TYPE ${qualifiedName(e.schema, e.name)} AS ENUM (${labels})`,
      origin: { owner, subject: null, label: `Enum type "${owner}"`, fragment: `ENUM (${labels})` },
    });
  });
  return statements;
}

function tableStatements(
  table: Table,
  name: string,
  kinds: ReadonlyMap<string, ScratchTypeKind>,
): { statements: ScratchStatement[]; batch: string[]; scratch: ScratchTable } {
  const owner = displayName(table);
  const label = `Table "${owner}"`;
  const target = `pg_temp.${quoteIdent(name)}`;
  // ON COMMIT DROP: the transaction is always rolled back, but should anything in the
  // model's SQL end it early, the scratch tables still disappear with it.
  const statements: ScratchStatement[] = [
    {
      sql: `CREATE TEMPORARY TABLE ${quoteIdent(name)} () ON COMMIT DROP`,
      origin: { owner, subject: null, label, fragment: "" },
    },
  ];
  /** The CREATE TABLE's column and constraint definitions, and what follows it. */
  const inline: string[] = [];
  const after: string[] = [];
  const defaults = new Set<string>();
  // Generated columns come last: their expression may read any other column.
  const ordered = [
    ...table.columns.filter((c) => c.generated === undefined),
    ...table.columns.filter((c) => c.generated !== undefined),
  ];
  for (const column of ordered) {
    const type = scratchColumnType(column, kinds);
    const withDefault = type.canonical && column.default !== null && !column.serial;
    if (withDefault) defaults.add(column.name);
    const fragment = [
      type.sql,
      column.collation === undefined ? "" : ` COLLATE ${quoteIdent(column.collation)}`,
      column.generated === undefined ? "" : ` GENERATED ALWAYS AS (${column.generated}) STORED`,
      withDefault ? ` DEFAULT ${column.default}` : "",
    ].join("");
    inline.push(`${quoteIdent(column.name)} ${fragment}`);
    statements.push({
      sql: `ALTER TABLE ${target} ADD COLUMN ${quoteIdent(column.name)} ${fragment}`,
      origin: { owner, subject: column.name, label: `${label} column "${column.name}"`, fragment },
    });
  }
  const checks = table.checks.map((check, i) => {
    const checkName = `${name}_check_${i}`;
    const fragment = `CHECK (${check.expression})`;
    inline.push(`CONSTRAINT ${quoteIdent(checkName)} ${fragment}`);
    statements.push({
      sql: `ALTER TABLE ${target} ADD CONSTRAINT ${quoteIdent(checkName)} ${fragment}`,
      origin: { owner, subject: check.name, label: `${label} check "${check.name}"`, fragment },
    });
    return checkName;
  });
  const exclusions = (table.exclusions ?? []).map((exclusion, i) => {
    const exclusionName = `${name}_exclusion_${i}`;
    const fragment = `EXCLUDE ${exclusion.expression}`;
    inline.push(`CONSTRAINT ${quoteIdent(exclusionName)} ${fragment}`);
    statements.push({
      sql: `ALTER TABLE ${target} ADD CONSTRAINT ${quoteIdent(exclusionName)} ${fragment}`,
      origin: {
        owner,
        subject: exclusion.name,
        label: `${label} exclusion constraint "${exclusion.name}"`,
        fragment,
      },
    });
    return exclusionName;
  });
  // The predicate is all that is read back, so every scratch index uses one spare integer
  // column as its key: the model's key columns or method might need operator classes
  // (gin on jsonb, gist) that have nothing to do with the predicate.
  const key = spareColumnName(table);
  const indexes = table.indexes.map((index, i) => {
    if (index.where === null) return null;
    const indexName = `${name}_index_${i}`;
    const fragment = `WHERE ${index.where}`;
    const sql = `CREATE INDEX ${quoteIdent(indexName)} ON ${target} (${quoteIdent(key)}) ${fragment}`;
    after.push(sql);
    statements.push({
      sql,
      origin: { owner, subject: index.name, label: `${label} index "${index.name}"`, fragment },
    });
    return indexName;
  });
  if (indexes.some((i) => i !== null)) {
    inline.unshift(`${quoteIdent(key)} integer`);
    statements.splice(1, 0, {
      sql: `ALTER TABLE ${target} ADD COLUMN ${quoteIdent(key)} integer`,
      origin: { owner, subject: null, label, fragment: "" },
    });
  }
  // Each definition on its own line, for the reason the batch's separators are (canonicalize.ts).
  const create = `CREATE TEMPORARY TABLE ${quoteIdent(name)} (\n${inline.join("\n,\n")}\n) ON COMMIT DROP`;
  return {
    statements,
    batch: [create, ...after],
    scratch: { model: table, name, defaults, checks, indexes, exclusions },
  };
}

/**
 * Plans the scratch objects that mirror the model: the extensions and enums that must exist
 * first, then one temporary table per model table with its columns (and defaults), its
 * checks and its partial indexes: as a short batch to send, and as one statement per
 * expression, so that a rejection names its origin.
 */
export function planScratch(
  schema: DatabaseSchema,
  kinds: ReadonlyMap<string, ScratchTypeKind>,
  existingSchemas: ReadonlySet<string>,
): ScratchPlan {
  const statements = [
    ...extensionStatements(schema),
    ...enumStatements(schema, kinds, existingSchemas),
  ];
  const batch = statements.map((s) => s.sql);
  const tables = schema.tables.map((table, i) => {
    const planned = tableStatements(table, `${TABLE_PREFIX}${i}`, kinds);
    statements.push(...planned.statements);
    batch.push(...planned.batch);
    return planned.scratch;
  });
  return { batch, statements, tables };
}
