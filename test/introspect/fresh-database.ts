import { Client } from "pg";
import { createTestDatabase } from "../support/database";

/**
 * Runs `work` with a connection to a database of its own, created empty and dropped after.
 * `setup` (raw SQL, may hold several statements) runs first on the same connection.
 */
export async function withFreshDatabase<T>(
  setup: string,
  work: (client: Client) => Promise<T>,
): Promise<T> {
  const database = await createTestDatabase("introspect");
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    if (setup.trim() !== "") await client.query(setup);
    return await work(client);
  } finally {
    await client.end();
    await database.drop();
  }
}
