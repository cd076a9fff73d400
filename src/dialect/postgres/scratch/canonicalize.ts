import type { ClientBase } from "pg";
import { AutogenError, ExpressionError } from "../../../errors";
import type { DatabaseSchema } from "../../../schema/model";
import type { CatalogReader } from "../../dialect";
import { normalizeSchema } from "../../../schema/normalize";
import { mergeCanonical } from "./merge-canonical";
import { planScratch, type ScratchStatement } from "./scratch-plan";
import { lookUpExistingTypes, resolveScratchTypes } from "./scratch-types";
import { lookUpLiveRelations, mergeViews, viewStatements } from "./scratch-views";

const TEMP_SCHEMA_SQL =
  "SELECT n.nspname::text AS name FROM pg_catalog.pg_namespace AS n WHERE n.oid = pg_catalog.pg_my_temp_schema()";

/** PostgreSQL's "undefined_function" condition: usually an extension that is not installed. */
const UNDEFINED_FUNCTION = "42883";

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
 * the introspector's queries, and with views one lookup and one read more). Must not be called inside a transaction: it issues its own
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
): Promise<DatabaseSchema> {
  const views = schema.views ?? [];
  if (schema.tables.length === 0 && views.length === 0) return normalizeSchema(schema);
  const existing = await lookUpExistingTypes(client, schema);
  const kinds = resolveScratchTypes(schema, existing);
  const plan = planScratch(schema, kinds, existing.schemas);
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
    const temp = await client.query<{ name: string }>(TEMP_SCHEMA_SQL);
    const tempSchema = temp.rows[0]?.name;
    if (tempSchema === undefined) {
      throw new AutogenError("canonicalize", "The session has no temporary schema.");
    }
    const canonical = await catalog.readSchema(client, { schemas: [tempSchema] });
    const viewSchemas = [...new Set(views.map((v) => v.schema))];
    return {
      canonical,
      views: views.length > 0 ? await catalog.readViews(client, viewSchemas) : [],
    };
  });
  if ("rejected" in outcome) {
    throw await explainRejection(client, statements, outcome.rejected);
  }
  const byName = new Map(outcome.canonical.tables.map((t) => [t.name, t]));
  return normalizeSchema({
    ...schema,
    tables: plan.tables.map((t) => mergeCanonical(t, byName.get(t.name))),
    ...(views.length > 0 ? { views: mergeViews(views, outcome.views) } : {}),
  });
}
