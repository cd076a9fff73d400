import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DataSource } from "typeorm";
import { check, recordingOutput, silentOutput, upgrade } from "../../src";
import { AutogenError } from "../../src/errors";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { emptyMigration, LIBRARY_FIXTURE } from "../e2e/project";

/**
 * The programmatic API as an application uses it at start-up: its own DataSource handed over
 * (no config file), typed results, no printing unless given an output, an AbortSignal.
 */
let db: TestDatabase;
let dir: string;
beforeEach(async () => {
  db = await createTestDatabase("api");
  dir = mkdtempSync(join(tmpdir(), "autogen-api-"));
  mkdirSync(join(dir, "db", "migrations"), { recursive: true });
});
afterEach(async () => {
  rmSync(dir, { recursive: true, force: true });
  await db.drop();
});

const appDataSource = () =>
  new DataSource({
    type: "postgres",
    url: db.url,
    entities: [join(LIBRARY_FIXTURE, "entities", "*.ts")],
  });

/** A migration that sleeps, so an abort can land while it runs. */
const slowMigration = (revision: string, downRevision: string | null) =>
  emptyMigration(revision, downRevision).replace(
    "export async function upgrade(_context: MigrationContext): Promise<void> {}",
    `export async function upgrade({ op }: MigrationContext): Promise<void> {
  await op.execute("SELECT pg_sleep(1.5)");
}`,
  );

/** Resolves once a statement containing `text` runs on the database (polled every 20 ms). */
async function waitUntilRunning(database: TestDatabase, text: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const rows = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE $1 AND pid <> pg_backend_pid()",
      [`%${text}%`],
    );
    if ((rows[0]?.n ?? 0) > 0) return;
    await new Promise((done) => setTimeout(done, 20));
  }
  throw new Error(`no statement with ${text} started within 10 s`);
}

const write = (name: string, text: string) =>
  writeFileSync(join(dir, "db", "migrations", name), text);
const context = (extra: object = {}) => ({
  cwd: dir,
  env: {},
  dataSource: appDataSource(),
  options: { migrationsDir: "db/migrations" },
  out: silentOutput,
  ...extra,
});

describe("upgrade() with the application's DataSource", () => {
  it("needs no config file, prints nothing, and returns each migration with its file and time", async () => {
    write("a00000000001_first.ts", emptyMigration("a00000000001", null));
    write("a00000000002_second.ts", emptyMigration("a00000000002", "a00000000001"));
    const stdout = jest.spyOn(process.stdout, "write");
    const stderr = jest.spyOn(process.stderr, "write");
    try {
      const result = await upgrade(context(), { target: "head" });
      expect(result.applied).toEqual(["a00000000001", "a00000000002"]);
      expect(result.steps?.map((s) => [s.revision, s.file, s.direction])).toEqual([
        ["a00000000001", join("db", "migrations", "a00000000001_first.ts"), "upgrade"],
        ["a00000000002", join("db", "migrations", "a00000000002_second.ts"), "upgrade"],
      ]);
      expect(
        result.steps?.every((s) => s.milliseconds >= 0 && s.message === `step ${s.revision}`),
      ).toBe(true);
      expect(stdout).not.toHaveBeenCalled();
      expect(stderr).not.toHaveBeenCalled();
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
    const again = await upgrade(context(), { target: "head" });
    expect(again).toEqual({ applied: [] });
  });

  it("writes to the output it is given", async () => {
    write("a00000000001_first.ts", emptyMigration("a00000000001", null));
    const out = recordingOutput();
    await upgrade(context({ out }), { target: "head" });
    expect(out.text()).toContain("Applied a00000000001");
  });

  it("stops between migrations when its signal is aborted, keeping the ones that ran", async () => {
    write("a00000000001_first.ts", slowMigration("a00000000001", null));
    write("a00000000002_second.ts", emptyMigration("a00000000002", "a00000000001"));
    const controller = new AbortController();
    const run = upgrade(context({ signal: controller.signal }), { target: "head" });
    // Aborted once the first migration is running (its sleep is visible on the server), not
    // on a timer: loading the files may take longer than any fixed delay on a loaded machine.
    await waitUntilRunning(db, "pg_sleep(1.5)");
    controller.abort();
    await expect(run).rejects.toMatchObject({ code: "aborted" });
    await expect(run).rejects.toThrow(/aborted before a00000000002/);
    const rows = await db.query<{ revision: string }>("SELECT revision FROM autogen_version");
    expect(rows.map((r) => r.revision)).toEqual(["a00000000001"]);
  });

  it("starts nothing when the signal is aborted already", async () => {
    write("a00000000001_first.ts", emptyMigration("a00000000001", null));
    const run = upgrade(context({ signal: AbortSignal.abort() }), { target: "head" });
    await expect(run).rejects.toBeInstanceOf(AutogenError);
    expect(await db.query("SELECT * FROM autogen_version")).toEqual([]);
  });

  it("refuses a DataSource of another database type in one sentence", async () => {
    const cockroach = new DataSource({ type: "cockroachdb", timeTravelQueries: false });
    await expect(upgrade(context({ dataSource: cockroach }), { target: "head" })).rejects.toThrow(
      'The DataSource given to typeorm-autogen is of type "cockroachdb"',
    );
  });
});

describe("check() with the application's DataSource", () => {
  it("compares the application's entities with the database", async () => {
    const before = await check(context());
    expect(before.clean).toBe(false);
    expect(before.operations.length).toBeGreaterThan(0);
  });
});
