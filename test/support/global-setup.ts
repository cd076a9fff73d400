import { startTestServer, type TestServer } from "./server";

declare global {
  var __AUTOGEN_TEST_SERVER__: TestServer | undefined;
}

/** Starts one server for the whole run; each test file then creates its own databases on it. */
export default async function globalSetup(): Promise<void> {
  const server = await startTestServer();
  globalThis.__AUTOGEN_TEST_SERVER__ = server;
  // Workers are spawned after global setup and inherit the environment.
  process.env.AUTOGEN_TEST_ADMIN_URL = server.adminUrl;
}
