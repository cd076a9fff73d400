import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startTestServer, type TestServer } from "./server";

declare global {
  var __AUTOGEN_TEST_SERVER__: TestServer | undefined;
  var __AUTOGEN_TEST_CACHE__: string | undefined;
}

/** Starts one server for the whole run; each test file then creates its own databases on it. */
export default async function globalSetup(): Promise<void> {
  const server = await startTestServer();
  globalThis.__AUTOGEN_TEST_SERVER__ = server;
  // Workers are spawned after global setup and inherit the environment.
  process.env.AUTOGEN_TEST_ADMIN_URL = server.adminUrl;
  // Each run starts with empty caches: an entry written by an earlier build of autogen (the
  // canonical tables, the transpiled files) must not answer for the code under test.
  if (process.env.AUTOGEN_CACHE_DIR === undefined) {
    const dir = mkdtempSync(join(tmpdir(), "autogen-test-cache-"));
    globalThis.__AUTOGEN_TEST_CACHE__ = dir;
    process.env.AUTOGEN_CACHE_DIR = dir;
  }
}
