import type { ClientBase } from "pg";
import type { DatabaseSchema, EnumType } from "../../../schema/model";
import { qualifiedKey as typeKey } from "../../../schema/keys";

/**
 * How a user-defined column type (an enum, a domain) is declared in the scratch tables
 * `canonicalizeSchema` builds:
 * - `existing`: the type exists in the database as the model needs it; used as is.
 * - `create`: an enum of the model that does not exist yet; created (in its real schema)
 *   inside the rolled-back transaction, so casts to it print exactly as they will once the
 *   migration has run.
 * - `replace`: an enum that exists but lacks labels the model declares. Labels added inside a
 *   transaction cannot be used before it commits, so the live type is renamed aside and the
 *   model's enum created under the real name, all inside the rolled-back transaction: casts
 *   print exactly as they will once the migration has run, and nothing outlives the rollback.
 * - `stand-in`: a type that exists nowhere and that the model does not declare; the column
 *   becomes `text`, its default is left as written, and casts inside checks or predicates on
 *   it print as `::text` (a known limitation).
 */
export type ScratchTypeKind = "existing" | "create" | "replace" | "stand-in";

/** What the database already has, for the types the model's columns use. */
export interface ExistingTypes {
  /** `[schema, name]` key -> enum labels (empty for other kinds of type). */
  readonly types: ReadonlyMap<string, readonly string[]>;
  readonly schemas: ReadonlySet<string>;
}

/** Every user-defined type the model's columns use, as `[schema, name]` pairs, unique. */
function usedTypes(schema: DatabaseSchema): [string, string][] {
  const used = new Map<string, [string, string]>();
  for (const table of schema.tables) {
    for (const column of table.columns) {
      if (column.typeSchema === null) continue;
      used.set(typeKey(column.typeSchema, column.type), [column.typeSchema, column.type]);
    }
  }
  return [...used.values()];
}

const TYPES_SQL = `
SELECT n.nspname::text AS schema, t.typname::text AS name,
  ARRAY(
    SELECT e.enumlabel::text FROM pg_catalog.pg_enum AS e
    WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder
  ) AS labels
FROM pg_catalog.pg_type AS t
JOIN pg_catalog.pg_namespace AS n ON n.oid = t.typnamespace
JOIN unnest($1::text[], $2::text[]) AS wanted (schema, name)
  ON wanted.schema = n.nspname AND wanted.name = t.typname`;

const SCHEMAS_SQL = `
SELECT n.nspname::text AS name FROM pg_catalog.pg_namespace AS n
WHERE n.nspname = ANY ($1::text[])`;

/** Which of `names` exist as schemas, in one query. */
export async function existingSchemas(
  client: ClientBase,
  names: Iterable<string>,
): Promise<ReadonlySet<string>> {
  const rows = await client.query<{ name: string }>(SCHEMAS_SQL, [[...new Set(names)]]);
  return new Set(rows.rows.map((r) => r.name));
}

/**
 * Looks up, in two queries whatever the model's size, which of the user-defined types the
 * model uses exist and which of their schemas exist. No query at all when no column has a
 * user-defined type.
 */
export async function lookUpExistingTypes(
  client: ClientBase,
  schema: DatabaseSchema,
): Promise<ExistingTypes> {
  const used = usedTypes(schema);
  if (used.length === 0) return { types: new Map(), schemas: new Set() };
  const typeRows = await client.query<{ schema: string; name: string; labels: string[] }>(
    TYPES_SQL,
    [used.map(([s]) => s), used.map(([, n]) => n)],
  );
  return {
    types: new Map(typeRows.rows.map((r) => [typeKey(r.schema, r.name), r.labels])),
    schemas: await existingSchemas(
      client,
      used.map(([s]) => s),
    ),
  };
}

/** Decides, for every type the model uses, how the scratch tables declare it. */
export function resolveScratchTypes(
  schema: DatabaseSchema,
  existing: ExistingTypes,
): ReadonlyMap<string, ScratchTypeKind> {
  const enums = new Map<string, EnumType>(schema.enums.map((e) => [typeKey(e.schema, e.name), e]));
  const kinds = new Map<string, ScratchTypeKind>();
  for (const [typeSchema, name] of usedTypes(schema)) {
    const key = typeKey(typeSchema, name);
    const declared = enums.get(key);
    const labels = existing.types.get(key);
    if (labels === undefined) {
      kinds.set(key, declared ? "create" : "stand-in");
    } else if (declared && !declared.values.every((v) => labels.includes(v))) {
      kinds.set(key, "replace");
    } else {
      kinds.set(key, "existing");
    }
  }
  return kinds;
}
