import { randomBytes } from "node:crypto";
import { Client } from "pg";

/** A database that belongs to one test (or one test file) alone. */
export interface TestDatabase {
  readonly url: string;
  readonly name: string;
  /** Runs one query on a short-lived connection and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.AUTOGEN_TEST_ADMIN_URL;
  if (!url)
    throw new Error("AUTOGEN_TEST_ADMIN_URL is not set: run the tests through jest's global setup");
  return url;
}

async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates a fresh, empty database on the test server. */
export async function createTestDatabase(prefix = "t"): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`.toLowerCase();
  const admin = adminUrl();
  await withClient(admin, (c) => c.query(`CREATE DATABASE "${name}"`));
  const parsed = new URL(admin);
  parsed.pathname = `/${name}`;
  const url = parsed.toString();
  return {
    url,
    name,
    query: async <T>(sql: string, params?: unknown[]) =>
      withClient(url, async (c) => (await c.query(sql, params)).rows as T[]),
    drop: () =>
      withClient(admin, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}
