import type { ClientBase } from "pg";
import { AutogenError, ExpressionError } from "../../../errors";
import type { DatabaseSchema, Table, View } from "../../../schema/model";
import type { CanonicalCache, CatalogReader } from "../../dialect";
import { normalizeSchema } from "../../../schema/normalize";
import { mergeCanonical } from "./merge-canonical";
import { planScratch, type ScratchStatement } from "./scratch-plan";
import { canonicalKeys, readSessionKey } from "./canonical-keys";
import {
  lookUpExistingTypes,
  resolveScratchTypes,
  type ExistingTypes,
  type ScratchTypeKind,
} from "./scratch-types";
import { lookUpLiveRelations, mergeViews, viewStatements } from "./scratch-views";

const TEMP_SCHEMA_SQL =
  "SELECT n.nspname::text AS name FROM pg_catalog.pg_namespace AS n WHERE n.oid = pg_catalog.pg_my_temp_schema()";

/** PostgreSQL's "undefined_function" condition: usually an extension that is not installed. */
const UNDEFINED_FUNCTION = "42883";

/** The session's temporary schema as the catalog reader reads it: the scratch tables. */
async function readTempSchema(
  client: ClientBase,
  catalog: CatalogReader<ClientBase>,
): Promise<DatabaseSchema> {
  const temp = await client.query<{ name: string }>(TEMP_SCHEMA_SQL);
  const tempSchema = temp.rows[0]?.name;
  if (tempSchema === undefined) {
    throw new AutogenError("canonicalize", "The session has no temporary schema.");
  }
  return catalog.readSchema(client, { schemas: [tempSchema] });
}

async function inRolledBackTransaction<T>(client: ClientBase, work: () => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    return await work();
  } finally {
    await client.query("ROLLBACK");
  }
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * The batch was refused as a whole; runs the statements one by one (in a new rolled-back
 * transaction) to find the first one PostgreSQL rejects and name its table and column. Only
 * the failure path pays one round trip per statement.
 */
async function explainRejection(
  client: ClientBase,
  statements: readonly ScratchStatement[],
  batchError: unknown,
): Promise<AutogenError> {
  const rejected = await inRolledBackTransaction(client, async () => {
    for (const statement of statements) {
      try {
        await client.query(statement.sql);
      } catch (error) {
        return { statement, error };
      }
    }
    return null;
  });
  if (rejected === null) {
    return new AutogenError(
      "canonicalize",
      `Bringing the entities' SQL expressions to PostgreSQL's canonical form failed: ${messageOf(batchError)}`,
      undefined,
      { cause: batchError },
    );
  }
  const { origin } = rejected.statement;
  const code = (rejected.error as { code?: unknown }).code;
  const hint =
    origin.hint ??
    (code === UNDEFINED_FUNCTION
      ? "If the expression calls a function from an extension (uuid_generate_v4() comes from uuid-ossp), install the extension in the database first."
      : undefined);
  const fragment = origin.fragment === "" ? "" : ` (${origin.fragment})`;
  return new ExpressionError(
    origin.owner,
    origin.subject,
    `${origin.label}${fragment}: PostgreSQL rejects it: ${messageOf(rejected.error)}`,
    hint,
    { cause: rejected.error },
  );
}

/**
 * Brings the model's SQL expressions (column defaults, check expressions, partial-index
 * predicates, written the way TypeORM writes them: `now()`, `'draft'`, `"price" > 0`) to the
 * exact text the introspector reads from a real table, by asking PostgreSQL rather than
 * guessing: inside one transaction that is always rolled back, every model table is mirrored
 * by a temporary table with the same column types, defaults, checks and predicates, and
 * `catalog` (the introspector, handed in by autogen/) reads them back. Built-in column types come back in their
 * `format_type` spelling too (`varchar(255)` -> `character varying(255)`) and empty comments
 * as none, since that is what a real table would read as (see `mergeCanonical`).
 *
 * Why the printed text matches a real table in the target schema: expressions never print
 * the table they belong to, column types are the model's own, and the enum types the model
 * uses are the real ones (or are created in their real schema inside the transaction when
 * they do not exist yet), so casts are qualified exactly as they will be. The session is the
 * caller's and `search_path` is never touched: call this with the same connection (and the
 * same settings) as the catalog reader so both sides print names the same way.
 *
 * Views are created for real, in the same transaction, where they will live (see
 * `scratch-views.ts`), and read back with `pg_get_viewdef`.
 *
 * Costs a fixed number of round trips whatever the model's size (type lookup, one batch,
 * the introspector's queries, and with views one lookup and one read more), for up to 250
 * tables to build; beyond, one batch and read per 250 (see TABLES_PER_TRANSACTION). Must not be called inside a transaction: it issues its own
 * BEGIN and ROLLBACK. Serial columns have no default to canonicalise; columns whose enum
 * cannot be used as is (see `ScratchTypeKind`) keep their default as written.
 *
 * @throws ExpressionError naming the table and column (or check, index) when PostgreSQL
 *   rejects the model's SQL, with PostgreSQL's message.
 */
export async function canonicalizeSchema(
  client: ClientBase,
  schema: DatabaseSchema,
  catalog: CatalogReader<ClientBase>,
  cache?: CanonicalCache,
): Promise<DatabaseSchema> {
  const views = schema.views ?? [];
  if (schema.tables.length === 0 && views.length === 0) return normalizeSchema(schema);
  const existing = await lookUpExistingTypes(client, schema);
  const kinds = resolveScratchTypes(schema, existing);
  const keyOf = cache ? canonicalKeys(await readSessionKey(client), schema, kinds, existing) : null;
  const keys = new Map<Table, string>();
  const known = new Map<Table, Table>();
  if (keyOf && cache) {
    for (const table of schema.tables) {
      const key = keyOf(table);
      keys.set(table, key);
      const hit = cache.get(key);
      if (hit !== undefined) known.set(table, hit);
    }
  }
  const missing = schema.tables.filter((t) => !known.has(t));
  const read = await readScratchInParts(client, schema, missing, { kinds, existing, catalog });
  const fresh = new Map(missing.map((t, i) => [t, read.tables[i] as Table]));
  for (const [table, canonical] of fresh) {
    const key = keys.get(table);
    if (cache && key !== undefined) cache.set(key, canonical);
  }
  return normalizeSchema({
    ...schema,
    tables: schema.tables.map((t) => known.get(t) ?? (fresh.get(t) as Table)),
    ...(views.length > 0 ? { views: read.views } : {}),
  });
}

/**
 * Scratch tables per transaction. Each holds several locks until its transaction ends (the
 * table, its TOAST table and index, sequences, one per index), in a lock table PostgreSQL
 * sizes for `max_locks_per_transaction` (64) per connection and shares between sessions: a
 * model of 1,500 tables like the benchmark's ran out of it in one transaction. 250 of them
 * take about 2,500 locks, well within the default for a server other sessions use too.
 */
const TABLES_PER_TRANSACTION = 250;

/**
 * `readScratch` for `tables` in transactions of at most TABLES_PER_TRANSACTION tables, the
 * views with the last. A model that fits in one (most do, and every warm-cache run) still
 * costs a fixed number of round trips; a larger one, on a cold cache, one batch per part.
 */
async function readScratchInParts(
  client: ClientBase,
  schema: DatabaseSchema,
  tables: readonly Table[],
  context: Parameters<typeof readScratch>[3],
): Promise<{ tables: Table[]; views: View[] }> {
  const views = schema.views ?? [];
  if (tables.length === 0 && views.length === 0) return { tables: [], views: [] };
  const parts: Table[][] = [];
  for (let at = 0; at < tables.length; at += TABLES_PER_TRANSACTION) {
    parts.push(tables.slice(at, at + TABLES_PER_TRANSACTION));
  }
  if (parts.length === 0) parts.push([]);
  const read: Table[] = [];
  let readViews: View[] = [];
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    const result = await readScratch(
      client,
      last ? schema : { ...schema, views: [] },
      part,
      context,
    );
    read.push(...result.tables);
    if (last) readViews = result.views;
  }
  return { tables: read, views: readViews };
}

/**
 * Builds the scratch area in a rolled-back transaction and reads it back: a scratch table for
 * each of `tables` (the ones the cache did not have), canonical in the same order, and every
 * view of `schema`, over shadows of the model tables they read (cached or not).
 */
async function readScratch(
  client: ClientBase,
  schema: DatabaseSchema,
  tables: readonly Table[],
  context: {
    readonly kinds: ReadonlyMap<string, ScratchTypeKind>;
    readonly existing: ExistingTypes;
    readonly catalog: CatalogReader<ClientBase>;
  },
): Promise<{ tables: Table[]; views: View[] }> {
  const { kinds, existing, catalog } = context;
  const views = schema.views ?? [];
  const plan = planScratch({ ...schema, tables: [...tables] }, kinds, existing.schemas);
  const live = views.length > 0 ? await lookUpLiveRelations(client, schema) : null;
  const viewSql = live ? viewStatements(schema, kinds, live) : [];
  const statements = [...plan.statements, ...viewSql];
  // The separator sits on its own line: a model expression ending in a `--` comment would
  // otherwise comment it out and merge two statements.
  const batch = [...plan.batch, ...viewSql.map((s) => s.sql)].join("\n;\n");
  const outcome = await inRolledBackTransaction(client, async () => {
    try {
      await client.query(batch);
    } catch (error) {
      return { rejected: error };
    }
    const canonical = plan.tables.length > 0 ? await readTempSchema(client, catalog) : null;
    const viewSchemas = [...new Set(views.map((v) => v.schema))];
    return {
      canonical,
      views: views.length > 0 ? await catalog.readViews(client, viewSchemas) : [],
    };
  });
  if ("rejected" in outcome) {
    throw await explainRejection(client, statements, outcome.rejected);
  }
  const byName = new Map((outcome.canonical?.tables ?? []).map((t) => [t.name, t]));
  return {
    tables: plan.tables.map((t) => mergeCanonical(t, byName.get(t.name))),
    views: views.length > 0 ? mergeViews(views, outcome.views) : [],
  };
}
