import { createHash } from "node:crypto";
import type { ClientBase } from "pg";
import type { DatabaseSchema, Table } from "../../../schema/model";
import { qualifiedKey as typeKey } from "../../../schema/keys";
import type { ExistingTypes, ScratchTypeKind } from "./scratch-types";

/**
 * Bump when canonicalisation (the scratch plan, the merge, the catalog queries) changes what
 * it reads back, so that entries written by an older autogen are missed.
 */
const CANONICAL_FORMAT = 1;

/**
 * Everything about the session that can change how PostgreSQL prints an expression: its
 * version; the search path (and the user `$user` stands for), which decides how names are
 * qualified; the settings type output functions read (a timestamptz default prints in the
 * session's time zone, a date in its DateStyle); the installed extensions, whose functions and
 * types resolve; and the database, which scopes the enum types the model uses.
 */
const SESSION_SQL = `
SELECT json_build_array(
  current_setting('server_version_num'), current_setting('search_path'), current_user,
  current_database(), current_setting('DateStyle'), current_setting('IntervalStyle'),
  current_setting('TimeZone'), current_setting('extra_float_digits'),
  current_setting('lc_monetary'), current_setting('standard_conforming_strings'),
  current_setting('bytea_output'),
  (SELECT coalesce(json_agg(json_build_array(e.extname, e.extversion, n.nspname) ORDER BY e.extname), '[]')
   FROM pg_catalog.pg_extension AS e JOIN pg_catalog.pg_namespace AS n ON n.oid = e.extnamespace)
)::text AS session`;

/** The session's part of every key, in one query. */
export async function readSessionKey(client: ClientBase): Promise<string> {
  const { rows } = await client.query<{ session: string }>(SESSION_SQL);
  return rows[0]?.session ?? "";
}

/**
 * Makes the cache key of each model table: the session, the model's extensions and the table
 * itself, with how each user-defined type it uses is declared in the scratch area (its kind,
 * the model's labels and the live ones), since casts to it print after those.
 */
export function canonicalKeys(
  session: string,
  schema: DatabaseSchema,
  kinds: ReadonlyMap<string, ScratchTypeKind>,
  existing: ExistingTypes,
): (table: Table) => string {
  const declared = new Map(schema.enums.map((e) => [typeKey(e.schema, e.name), e.values]));
  const extensions = schema.extensions ?? [];
  return (table) => {
    const types = new Map<string, unknown>();
    for (const column of table.columns) {
      if (column.typeSchema === null) continue;
      const key = typeKey(column.typeSchema, column.type);
      types.set(key, [
        kinds.get(key) ?? null,
        declared.get(key) ?? null,
        existing.types.get(key) ?? null,
      ]);
    }
    const input = JSON.stringify([CANONICAL_FORMAT, session, extensions, [...types], table]);
    return createHash("sha256").update(input).digest("hex");
  };
}
