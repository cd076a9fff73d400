import { pgModule } from "../../src/dialect/postgres/session/pg-module";

/**
 * pg is loaded with a stand-in `navigator` on Node 20, so its Cloudflare probe does not load
 * Node's fetch (see pg-module.ts); the stand-in must never outlive the require.
 */
it("loads node-postgres and leaves the global scope as it found it", () => {
  const before = "navigator" in globalThis;

  const pg = pgModule();

  expect(typeof pg.Client).toBe("function");
  expect("navigator" in globalThis).toBe(before);
  expect(pgModule()).toBe(pg);
});
