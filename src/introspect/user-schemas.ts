import type { ClientBase } from "pg";

/** Every schema a user made (or `public`): what a whole-database comparison must read. */
const USER_SCHEMAS_SQL = `
SELECT n.nspname::text AS name
FROM pg_catalog.pg_namespace AS n
WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
ORDER BY 1`;

export async function readUserSchemas(client: ClientBase): Promise<string[]> {
  const rows = await client.query<{ name: string }>(USER_SCHEMAS_SQL);
  return rows.rows.map((r) => r.name);
}
