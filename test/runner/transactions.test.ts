import { MigrationError } from "../../src/errors";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { exec, migrationFile } from "./support/migration-file";
import { RunnerProject } from "./support/runner-project";

/**
 * Transaction modes on a real database: what a failure leaves behind in each, and the
 * migrations PostgreSQL refuses to run inside a transaction.
 */
let db: TestDatabase;
let project: RunnerProject;

beforeEach(async () => {
  db = await createTestDatabase("runner_tx");
});
afterEach(async () => {
  project.remove();
  await db.drop();
});

const A = "aaaa00000001";
const B = "bbbb00000002";
const C = "cccc00000003";
const FAILING = "INSERT INTO missing_table VALUES (1)";

/** Three migrations; the second creates a table, then fails. */
function threeWithFailingSecond(options: Record<string, unknown> = {}): RunnerProject {
  project = new RunnerProject(db.url, options);
  project.migration({ revision: A, down: null, upgrade: exec("CREATE TABLE one (id int)") });
  project.migration({
    revision: B,
    down: A,
    upgrade: [exec("CREATE TABLE two (id int)"), exec(FAILING)].join("\n"),
  });
  project.migration({ revision: C, down: B, upgrade: exec("CREATE TABLE three (id int)") });
  return project;
}

async function tables(): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    "SELECT relname AS name FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND relname IN ('one', 'two', 'three') ORDER BY 1",
  );
  return rows.map((r) => r.name);
}

const versionRows = async () =>
  (await db.query<{ revision: string }>("SELECT revision FROM autogen_version")).map(
    (r) => r.revision,
  );

describe("transactionMode each (the default)", () => {
  it("rolls a failing migration back whole and keeps the ones before it applied", async () => {
    const { error, output } = await threeWithFailingSecond().upgrade();

    expect(error).toBeInstanceOf(MigrationError);
    expect(error?.message).toBe(
      `upgrade of ${B} (migrations/${B}_step.ts) failed at statement \`${FAILING}\`: relation "missing_table" does not exist`,
    );
    expect((error as MigrationError).hint).toBe(
      "It was rolled back; the migrations before it stay applied.",
    );
    expect(await tables()).toEqual(["one"]);
    expect(await versionRows()).toEqual([A]);
    expect(output).toContain(`Stopped after 1 of 3 migrations applied; the database is at ${A}.`);
  });

  it("leaves `current` where the last good migration put it", async () => {
    await threeWithFailingSecond().upgrade();
    const { result, output } = await project.current();

    expect(result).toEqual([A]);
    expect(output).toBe(A);
  });

  it("completes on the next run once the migration is fixed", async () => {
    await threeWithFailingSecond().upgrade();
    // A new file name: jest's module registry would hand back the old module.
    project.removeFile(`migrations/${B}_step.ts`);
    project.write(
      `migrations/${B}_fixed.ts`,
      migrationFile({ revision: B, down: A, upgrade: exec("CREATE TABLE two (id int)") }),
    );
    const { error, result } = await project.upgrade();

    expect(error).toBeUndefined();
    expect(result?.applied).toEqual([B, C]);
    expect(await tables()).toEqual(["one", "three", "two"]);
    expect(await versionRows()).toEqual([C]);
  });

  it("names the migration when its function throws before any statement runs", async () => {
    project = new RunnerProject(db.url);
    project.migration({ revision: A, down: null, upgrade: 'throw new Error("not today");' });
    const { error } = await project.upgrade();

    expect(error?.message).toBe(`upgrade of ${A} (migrations/${A}_step.ts) failed: not today`);
    expect(await versionRows()).toEqual([]);
  });
});

describe("transactionMode all", () => {
  it("rolls back every migration of the run when one fails", async () => {
    const { error } = await threeWithFailingSecond({ transactionMode: "all" }).upgrade();

    expect(error?.message).toContain(`upgrade of ${B} (migrations/${B}_step.ts) failed`);
    expect((error as MigrationError).hint).toBe(
      'The transaction was rolled back: it and the 1 migration(s) before it in the same transaction (transactionMode "all") are not applied.',
    );
    expect(await tables()).toEqual([]);
    expect(await versionRows()).toEqual([]);
  });

  it("commits the run at once when every migration succeeds", async () => {
    project = new RunnerProject(db.url, { transactionMode: "all" });
    project.migration({ revision: A, down: null, upgrade: exec("CREATE TABLE one (id int)") });
    project.migration({ revision: B, down: A, upgrade: exec("CREATE TABLE two (id int)") });
    const { result } = await project.upgrade();

    expect(result?.applied).toEqual([A, B]);
    expect(await tables()).toEqual(["one", "two"]);
    expect(await versionRows()).toEqual([B]);
  });

  it("commits an enum label before the migration that uses it, as PostgreSQL requires", async () => {
    project = new RunnerProject(db.url, { transactionMode: "all" });
    project.migration({
      revision: A,
      down: null,
      upgrade: `await op.createEnum("mood", ["calm"]);\n${exec("CREATE TABLE one (m mood)")}`,
    });
    project.migration({
      revision: B,
      down: A,
      upgrade: [
        'await op.alterEnum("mood", { from: ["calm"], to: ["calm", "busy"] });',
        exec("ALTER TABLE one ALTER COLUMN m SET DEFAULT 'busy'"),
      ].join("\n"),
    });
    const { error } = await project.upgrade();

    expect(error).toBeUndefined();
    const [row] = await db.query<{ d: string }>(
      "SELECT pg_get_expr(adbin, adrelid) AS d FROM pg_attrdef WHERE adrelid = 'one'::regclass",
    );
    expect(row?.d).toBe("'busy'::mood");
  });
});

describe("transactionMode none", () => {
  it("keeps the statements before the failing one, and says so", async () => {
    const { error } = await threeWithFailingSecond({ transactionMode: "none" }).upgrade();

    expect((error as MigrationError).hint).toMatch(/^It ran without a transaction: /);
    expect(await tables()).toEqual(["one", "two"]);
    expect(await versionRows()).toEqual([A]);
  });
});

describe("a migration that opts out of its transaction", () => {
  const CONCURRENT_INDEX = "CREATE INDEX CONCURRENTLY one_id ON one (id)";

  it.each(["each", "all"])(
    "runs CREATE INDEX CONCURRENTLY, which PostgreSQL refuses in a transaction (mode %s)",
    async (mode) => {
      project = new RunnerProject(db.url, { transactionMode: mode });
      project.migration({ revision: A, down: null, upgrade: exec("CREATE TABLE one (id int)") });
      project.migration({
        revision: B,
        down: A,
        noTransaction: true,
        upgrade: exec(CONCURRENT_INDEX),
      });
      project.migration({ revision: C, down: B, upgrade: exec("CREATE TABLE two (id int)") });
      const { error, result } = await project.upgrade();

      expect(error).toBeUndefined();
      expect(result?.applied).toEqual([A, B, C]);
      const index = await db.query("SELECT 1 FROM pg_indexes WHERE indexname = 'one_id'");
      expect(index).toHaveLength(1);
      expect(await versionRows()).toEqual([C]);
    },
  );

  it("fails in a transaction without the opt-out, naming PostgreSQL's reason", async () => {
    project = new RunnerProject(db.url);
    project.migration({
      revision: A,
      down: null,
      upgrade: [exec("CREATE TABLE one (id int)"), exec(CONCURRENT_INDEX)].join("\n"),
    });
    const { error } = await project.upgrade();

    expect(error?.message).toContain(
      `failed at statement \`${CONCURRENT_INDEX}\`: CREATE INDEX CONCURRENTLY cannot run inside a transaction block`,
    );
    expect(await tables()).toEqual([]);
  });
});
