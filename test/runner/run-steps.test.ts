import { Client } from "pg";
import type { MigrationContext } from "../../src/api";
import { liveExecutor, scriptExecutor } from "../../src/runner/executor";
import { runSteps, type MigrationStep } from "../../src/runner/run-steps";
import { ensureVersionTable } from "../../src/runner/version-store";
import type { TableRef } from "../../src/schema/model";
import { createTestDatabase, type TestDatabase } from "../support/database";

/** The shared loop driven directly: its guard on the version table, scripts, progress. */
const TABLE: TableRef = { schema: "public", name: "autogen_version" };

function step(revision: string, from: string | null, sql: string[]): MigrationStep {
  return {
    revision,
    message: `step ${revision}`,
    file: `migrations/${revision}.ts`,
    direction: "upgrade",
    run: async ({ op }: MigrationContext) => {
      for (const statement of sql) await op.execute(statement);
    },
    transactional: true,
    removeHeads: from ? [from] : [],
    addHeads: [revision],
    hash: "0".repeat(64),
  };
}

describe("runSteps on a live database", () => {
  let db: TestDatabase;
  let client: Client;

  beforeEach(async () => {
    db = await createTestDatabase("runner_steps");
    client = new Client({ connectionString: db.url });
    await client.connect();
    await ensureVersionTable(client, TABLE);
  });
  afterEach(async () => {
    await client.end();
    await db.drop();
  });

  it("rolls a step back when the version table no longer holds the head it replaces", async () => {
    // Another run (one that did not take the lock) moved the table on meanwhile.
    await db.query("INSERT INTO autogen_version VALUES ('other')");
    const run = runSteps(liveExecutor(client), [step("b", "a", ["CREATE TABLE b (id int)"])], {
      versionTable: TABLE,
      transactionMode: "each",
    });

    await expect(run).rejects.toThrow(
      "upgrade of b (migrations/b.ts) failed at statement `UPDATE \"public\".\"autogen_version\" SET revision = 'b', applied_at = now() WHERE revision = 'a'`: the version table changed under this run (0 rows matched instead of 1)",
    );
    expect(await db.query("SELECT to_regclass('b') IS NULL AS gone")).toEqual([{ gone: true }]);
  });

  it("reports a step as done only once its transaction committed", async () => {
    const events: string[] = [];
    const spy = liveExecutor(client);
    const executor = { ...spy, commit: async () => (events.push("commit"), spy.commit()) };
    await runSteps(
      executor,
      [step("a", null, ["CREATE TABLE a (id int)"]), step("b", "a", ["CREATE TABLE b (id int)"])],
      {
        versionTable: TABLE,
        transactionMode: "all",
        onStepStart: (s) => events.push(`start ${s.revision}`),
        onStepDone: (s) => events.push(`done ${s.revision}`),
      },
    );

    expect(events).toEqual(["start a", "start b", "commit", "done a", "done b"]);
  });
});

describe("runSteps writing a script", () => {
  it("sets the session timeouts first and records each step in the history", async () => {
    const executor = scriptExecutor();
    await runSteps(executor, [step("a", null, ["CREATE TABLE a (id int)"])], {
      versionTable: TABLE,
      transactionMode: "each",
      timeouts: { lockTimeout: 5, statementTimeout: 0.25 },
    });

    expect(executor.script()).toBe(
      [
        "SET lock_timeout = '5000ms';",
        "SET statement_timeout = '250ms';",
        "-- upgrade a: step a (migrations/a.ts)",
        "BEGIN;",
        "CREATE TABLE a (id int);",
        `INSERT INTO "public"."autogen_version" (revision) VALUES ('a');`,
        `INSERT INTO "public"."autogen_version_history" (revision, operation, hash, file) VALUES ('a', 'upgrade', '${"0".repeat(64)}', 'migrations/a.ts');`,
        "COMMIT;",
        "",
      ].join("\n"),
    );
  });

  it("records a migration that opts out of transactions in a transaction of its own", async () => {
    const executor = scriptExecutor();
    const concurrent = {
      ...step("a", null, ["CREATE INDEX CONCURRENTLY i ON t (x)"]),
      transactional: false,
    };
    await runSteps(executor, [concurrent], { versionTable: TABLE, transactionMode: "each" });

    expect(executor.script().split("\n").slice(1, 5)).toEqual([
      "CREATE INDEX CONCURRENTLY i ON t (x);",
      "BEGIN;",
      `INSERT INTO "public"."autogen_version" (revision) VALUES ('a');`,
      expect.stringMatching(/^INSERT INTO "public"."autogen_version_history"/),
    ]);
  });
});
