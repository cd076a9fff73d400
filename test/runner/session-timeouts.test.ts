import { Client } from "pg";
import { MigrationError } from "../../src/errors";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { exec } from "./support/migration-file";
import { RunnerProject } from "./support/runner-project";

/**
 * `lockTimeout` and `statementTimeout` reach the migration session; a migration cancelled by
 * `lock_timeout` runs again, a bounded number of times, each retry reported as it happens.
 */
let db: TestDatabase;
let project: RunnerProject;
let blocker: Client | undefined;

beforeEach(async () => {
  db = await createTestDatabase("runner_timeouts");
});
afterEach(async () => {
  await blocker?.end().catch(() => undefined);
  blocker = undefined;
  project.remove();
  await db.drop();
});

const A = "aaaa00000001";
const B = "bbbb00000002";
const ALTER = "ALTER TABLE one ADD COLUMN note text";

/** Migration A creates `one`; B alters it, which needs an ACCESS EXCLUSIVE lock. */
async function appliedFirstThenAlter(options: Record<string, unknown>): Promise<void> {
  project = new RunnerProject(db.url, options);
  project.migration({ revision: A, down: null, upgrade: exec("CREATE TABLE one (id int)") });
  project.migration({ revision: B, down: A, upgrade: exec(ALTER) });
  expect((await project.upgrade({ target: A })).error).toBeUndefined();
}

/** Another session holds a lock on `one` until `release()`. */
async function holdTableLock(): Promise<() => Promise<void>> {
  const client = new Client({ connectionString: db.url });
  blocker = client;
  await client.connect();
  await client.query("BEGIN");
  await client.query("LOCK TABLE one IN ACCESS SHARE MODE");
  return async () => void (await client.query("COMMIT"));
}

const retryLines = (output: string) =>
  output.split("\n").filter((line) => line.includes("; retrying in "));

describe("session timeouts", () => {
  it("sets lock_timeout and statement_timeout for the migrations", async () => {
    project = new RunnerProject(db.url, { lockTimeout: 1.5, statementTimeout: 30 });
    project.migration({
      revision: A,
      down: null,
      upgrade: exec(
        "CREATE TABLE seen AS SELECT current_setting('lock_timeout') AS lock, current_setting('statement_timeout') AS statement",
      ),
    });
    expect((await project.upgrade()).error).toBeUndefined();

    expect(await db.query("SELECT lock, statement FROM seen")).toEqual([
      { lock: "1500ms", statement: "30s" },
    ]);
  });

  it("lets the command line override the config", async () => {
    project = new RunnerProject(db.url, { lockTimeout: 1.5 });
    project.migration({
      revision: A,
      down: null,
      upgrade: exec("CREATE TABLE seen AS SELECT current_setting('lock_timeout') AS lock"),
    });
    expect((await project.upgrade({ lockTimeout: 4 })).error).toBeUndefined();

    expect(await db.query("SELECT lock FROM seen")).toEqual([{ lock: "4s" }]);
  });

  it("cancels a statement over statement_timeout without retrying it", async () => {
    project = new RunnerProject(db.url, { statementTimeout: 0.2 });
    project.migration({ revision: A, down: null, upgrade: exec("SELECT pg_sleep(5)") });
    const { error, output } = await project.upgrade();

    expect(error?.message).toBe(
      `upgrade of ${A} (migrations/${A}_step.ts) failed at statement \`SELECT pg_sleep(5)\`: canceling statement due to statement timeout`,
    );
    expect(retryLines(output)).toEqual([]);
  });
});

describe("retries after a lock timeout", () => {
  it("runs the migration again once the lock is free, reporting each retry", async () => {
    await appliedFirstThenAlter({ lockTimeout: 0.2, lockTimeoutRetries: 3 });
    const release = await holdTableLock();
    // Attempts start at about 0 s, 1.2 s and 3.4 s (1 s, then 2 s between them).
    const timer = setTimeout(() => void release(), 1800);
    const { error, output } = await project.upgrade();
    clearTimeout(timer);

    expect(error).toBeUndefined();
    expect(retryLines(output)).toEqual([
      `warning: upgrade of ${B} (migrations/${B}_step.ts) failed at statement \`${ALTER}\`: canceling statement due to lock timeout; retrying in 1.0 s (retry 1 of 3).`,
      `warning: upgrade of ${B} (migrations/${B}_step.ts) failed at statement \`${ALTER}\`: canceling statement due to lock timeout; retrying in 2.0 s (retry 2 of 3).`,
    ]);
    expect(await db.query("SELECT revision FROM autogen_version")).toEqual([{ revision: B }]);
  });

  it("fails with PostgreSQL's message once the retries are spent", async () => {
    await appliedFirstThenAlter({ lockTimeout: 0.2, lockTimeoutRetries: 1 });
    await holdTableLock();
    const { error, output } = await project.upgrade();

    expect(error).toBeInstanceOf(MigrationError);
    expect(error?.message).toBe(
      `upgrade of ${B} (migrations/${B}_step.ts) failed at statement \`${ALTER}\`: canceling statement due to lock timeout`,
    );
    expect(retryLines(output)).toHaveLength(1);
    expect(await db.query("SELECT revision FROM autogen_version")).toEqual([{ revision: A }]);
  });

  it("does not retry when lockTimeoutRetries is 0", async () => {
    await appliedFirstThenAlter({ lockTimeout: 0.2, lockTimeoutRetries: 0 });
    await holdTableLock();
    const { error, output } = await project.upgrade();

    expect(error?.message).toContain("canceling statement due to lock timeout");
    expect(retryLines(output)).toEqual([]);
  });
});
