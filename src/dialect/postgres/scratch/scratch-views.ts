import type { ClientBase } from "pg";
import { AutogenError } from "../../../errors";
import type { DatabaseSchema, Table, TableRef, View } from "../../../schema/model";
import { displayName } from "../../../schema/normalize";
import { qualifiedName, quoteIdent } from "../quote";
import { existingSchemas } from "./scratch-types";
import { scratchColumnType, type ScratchStatement } from "./scratch-plan";
import type { ScratchTypeKind } from "./scratch-types";
import { refKey as key } from "../../../schema/keys";

/**
 * Canonicalising views. `pg_get_viewdef` prints a view's query in terms of the relations it
 * reads, qualified or not depending on the search path, so the only faithful way to know what
 * a view will read back as is to create it where it will live, over tables shaped as they will
 * be. Inside the rolled-back canonicalisation transaction, then: every model table a view
 * mentions is created under its real name and schema (the live one, if any, renamed aside for
 * the moment), the live relations that hold a model view's name are renamed aside too, and
 * the model's views are created for real. Only the tables a view mentions are touched, and
 * the renames take a lock that lasts until the rollback, milliseconds later.
 */

/** `ALTER <kind>` for each kind of relation a model name may already belong to. */
const renameKinds: Readonly<Record<string, string>> = {
  r: "TABLE",
  p: "TABLE",
  f: "FOREIGN TABLE",
  v: "VIEW",
  m: "MATERIALIZED VIEW",
  S: "SEQUENCE",
  i: "INDEX",
};

/** What exists live under the names the view canonicalisation uses. */
export interface LiveRelations {
  /** `[schema, name]` key -> `relkind`. */
  readonly kinds: ReadonlyMap<string, string>;
  /** The schemas of those names that exist. */
  readonly schemas: ReadonlySet<string>;
}

const RELATIONS_SQL = `
SELECT n.nspname::text AS schema, c.relname::text AS name, c.relkind::text AS kind
FROM pg_catalog.pg_class AS c
JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
JOIN unnest($1::text[], $2::text[]) AS wanted (schema, name)
  ON wanted.schema = n.nspname AND wanted.name = c.relname`;

/** Whether the query text may name the table; a false match only costs a needless shadow. */
function mentions(view: View, table: TableRef): boolean {
  return view.definition.toLowerCase().includes(table.name.toLowerCase());
}

/** Model tables some model view may read. */
function readTables(schema: DatabaseSchema): Table[] {
  const views = schema.views ?? [];
  return schema.tables.filter((table) => views.some((view) => mentions(view, table)));
}

/** Looks up, in two queries, what exists under the names of the shadow tables and views. */
export async function lookUpLiveRelations(
  client: ClientBase,
  schema: DatabaseSchema,
): Promise<LiveRelations> {
  const names: TableRef[] = [...readTables(schema), ...(schema.views ?? [])];
  if (names.length === 0) return { kinds: new Map(), schemas: new Set() };
  const rows = await client.query<{ schema: string; name: string; kind: string }>(RELATIONS_SQL, [
    names.map((n) => n.schema),
    names.map((n) => n.name),
  ]);
  return {
    kinds: new Map(rows.rows.map((r) => [key(r), r.kind])),
    schemas: await existingSchemas(
      client,
      names.map((n) => n.schema),
    ),
  };
}

/**
 * Views in the order they can be created: after the views whose names their query mentions.
 * A cycle of mentions (only possible through a false match) falls back to name order.
 */
function creationOrder(views: readonly View[]): View[] {
  const ordered: View[] = [];
  const visiting = new Set<View>();
  const visit = (view: View): void => {
    if (ordered.includes(view) || visiting.has(view)) return;
    visiting.add(view);
    for (const other of views) if (other !== view && mentions(view, other)) visit(other);
    visiting.delete(view);
    ordered.push(view);
  };
  views.forEach(visit);
  return ordered;
}

const origin = (owner: string, label: string, fragment = "") => ({
  owner,
  subject: null,
  label,
  fragment,
});

/** Statements that create the model's views in place, after the scratch tables. */
export function viewStatements(
  schema: DatabaseSchema,
  kinds: ReadonlyMap<string, ScratchTypeKind>,
  live: LiveRelations,
): ScratchStatement[] {
  const views = schema.views ?? [];
  if (views.length === 0) return [];
  const tables = readTables(schema);
  const statements: ScratchStatement[] = [];
  // Only missing schemas: creating one needs a right that using one does not.
  for (const name of new Set([...tables, ...views].map((object) => object.schema))) {
    if (live.schemas.has(name)) continue;
    const label = `Schema "${name}"`;
    statements.push({
      sql: `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(name)}`,
      origin: origin(name, label),
    });
  }
  [...tables, ...views].forEach((relation, i) => {
    const kind = renameKinds[live.kinds.get(key(relation)) ?? ""];
    if (kind === undefined) return;
    const aside = quoteIdent(`autogen_canon_aside_${i}`);
    statements.push({
      sql: `ALTER ${kind} ${qualifiedName(relation.schema, relation.name)} RENAME TO ${aside}`,
      origin: origin(displayName(relation), `Relation "${displayName(relation)}"`),
    });
  });
  for (const table of tables) {
    const columns = table.columns.map(
      (column) => `${quoteIdent(column.name)} ${scratchColumnType(column, kinds).sql}`,
    );
    statements.push({
      sql: `CREATE TABLE ${qualifiedName(table.schema, table.name)} (${columns.join(", ")})`,
      origin: origin(displayName(table), `Table "${displayName(table)}"`),
    });
  }
  for (const view of creationOrder(views)) {
    const query = view.definition.trim().replace(/;$/, "");
    const materialized = view.materialized ? "MATERIALIZED " : "";
    const owner = displayName(view);
    statements.push({
      // The query on lines of its own: a trailing `--` comment must not swallow WITH NO DATA.
      sql:
        `CREATE ${materialized}VIEW ${qualifiedName(view.schema, view.name)} AS\n${query}\n` +
        (view.materialized ? "WITH NO DATA" : ""),
      origin: origin(owner, `View "${owner}"`, query),
    });
    // Only the predicate is read back, so one key column (the first) stands for them all.
    (view.indexes ?? []).forEach((index, i) => {
      const first = index.columns[0];
      if (index.where === null || first === undefined) return;
      const fragment = `WHERE ${index.where}`;
      statements.push({
        sql:
          `CREATE INDEX ${quoteIdent(indexName(views.indexOf(view), i))} ON ` +
          `${qualifiedName(view.schema, view.name)} (${quoteIdent(first)}) ${fragment}`,
        origin: {
          owner,
          subject: index.name,
          label: `View "${owner}" index "${index.name}"`,
          fragment,
        },
      });
    });
  }
  return statements;
}

/** The scratch name of a materialized view's partial index, by positions in the model. */
const indexName = (view: number, index: number): string => `autogen_canon_vindex_${view}_${index}`;

/**
 * The model's views with the definitions, references and index predicates PostgreSQL read
 * back (`read` holds the views with their scratch indexes).
 */
export function mergeViews(model: readonly View[], read: readonly View[]): View[] {
  const byKey = new Map(read.map((v) => [key(v), v]));
  return model.map((view, position) => {
    const canonical = byKey.get(key(view));
    if (!canonical) {
      throw new AutogenError(
        "canonicalize",
        `View ${displayName(view)} could not be read back after creating it.`,
      );
    }
    const { references: _references, ...rest } = view;
    const indexes = view.indexes?.map((index, i) => {
      if (index.where === null) return index;
      const scratch = canonical.indexes?.find((x) => x.name === indexName(position, i));
      return { ...index, where: scratch?.where ?? index.where };
    });
    return {
      ...rest,
      definition: canonical.definition,
      ...(indexes ? { indexes } : {}),
      ...(canonical.references ? { references: canonical.references } : {}),
    };
  });
}
