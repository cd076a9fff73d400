import { Client } from "pg";
import { history } from "../../src/commands/inspect";
import { advisoryLockSql } from "../../src/dialect/postgres/session/advisory-lock";
import { stamp } from "../../src/commands/stamp";
import { MigrationLockTimeoutError, RevisionError } from "../../src/errors";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { commandProject, type CommandProject } from "./support/project";

/** root -> one -> one2 and root -> two; root's upgrade would create a table if it ran. */
function project(): CommandProject {
  const p = commandProject();
  p.migration({
    revision: "root00000001",
    down: null,
    upgrade: 'await op.execute("CREATE TABLE made_by_root (x integer)");',
  });
  p.migration({ revision: "one000000001", down: "root00000001", branchLabels: ["one"] });
  p.migration({ revision: "one000000002", down: "one000000001" });
  p.migration({ revision: "two000000001", down: "root00000001" });
  return p;
}

let db: TestDatabase;
let p: CommandProject;
beforeEach(async () => {
  db = await createTestDatabase("stamp");
  p = project();
});
afterEach(async () => {
  p.remove();
  await db.drop();
});

const ctx = () => p.context({ DATABASE_URL: db.url });
const rows = async () =>
  (await db.query<{ revision: string }>("SELECT revision FROM autogen_version ORDER BY 1")).map(
    (r) => r.revision,
  );
const historyRows = async () =>
  db.query<{ revision: string; operation: string; hashed: boolean }>(
    "SELECT revision, operation, hash IS NOT NULL AS hashed FROM autogen_version_history ORDER BY id",
  );

describe("stamp", () => {
  it("records the database at the heads without running any migration", async () => {
    const context = ctx();
    const result = await stamp(context, { revision: "heads" });

    expect(result).toEqual({ before: [], after: ["one000000002", "two000000001"] });
    expect(await rows()).toEqual(["one000000002", "two000000001"]);
    expect(await db.query("SELECT to_regclass('made_by_root') AS t")).toEqual([{ t: null }]);
    expect((await historyRows()).map((r) => [r.revision, r.operation, r.hashed])).toEqual([
      ["root00000001", "stamp", true],
      ["one000000001", "stamp", true],
      ["one000000002", "stamp", true],
      ["two000000001", "stamp", true],
    ]);
    expect(context.out.stderr.at(-1)).toMatch(
      /^Stamped .+ at one000000002, two000000001 \(it was at base\); no migration ran\.$/,
    );
  });

  it("stamps base by emptying the version table, recording what is no longer applied", async () => {
    await stamp(ctx(), { revision: "one@head" });
    await stamp(ctx(), { revision: "base" });

    expect(await rows()).toEqual([]);
    expect((await historyRows()).slice(3).map((r) => [r.revision, r.operation])).toEqual([
      ["one000000002", "unstamp"],
      ["one000000001", "unstamp"],
      ["root00000001", "unstamp"],
    ]);
  });

  it("moves one branch back and keeps the other, as downgrade would", async () => {
    await stamp(ctx(), { revision: "heads" });
    await stamp(ctx(), { revision: "one000000001" });

    expect(await rows()).toEqual(["one000000001", "two000000001"]);
  });

  it("says so and changes nothing when the database is already there", async () => {
    await stamp(ctx(), { revision: "two0" });
    const context = ctx();
    await stamp(context, { revision: "two000000001" });

    expect(context.out.stderr.at(-1)).toBe(
      "Nothing to stamp: the database is already at two000000001.",
    );
    expect(await historyRows()).toHaveLength(2);
  });

  it("refuses a version table that holds a revision no file defines, unless --purge", async () => {
    await stamp(ctx(), { revision: "root" });
    await db.query("INSERT INTO autogen_version (revision) VALUES ('ghost0000001')");

    await expect(stamp(ctx(), { revision: "head" })).rejects.toThrow(RevisionError);
    await expect(stamp(ctx(), { revision: "one@head" })).rejects.toMatchObject({
      message: "the version table holds ghost0000001, which no migration file defines",
      hint: expect.stringContaining("--purge"),
    });
    await stamp(ctx(), { revision: "one@head", purge: true });
    expect(await rows()).toEqual(["one000000002"]);
  });

  it("waits for the migration lock, and gives up after the timeout", async () => {
    await stamp(ctx(), { revision: "base" });
    const holder = new Client({ connectionString: db.url });
    await holder.connect();
    try {
      await holder.query(advisoryLockSql.tryLock({ schema: "public", name: "autogen_version" }));
      await expect(stamp(ctx(), { revision: "heads", migrationLockTimeout: 0.3 })).rejects.toThrow(
        MigrationLockTimeoutError,
      );
      expect(await rows()).toEqual([]);
    } finally {
      await holder.end();
    }
  });
});

describe("stamp --sql", () => {
  const offline = () => p.context({ DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" });
  const tableExists = async () =>
    (await db.query<{ t: string | null }>("SELECT to_regclass('autogen_version')::text AS t"))[0]
      ?.t ?? null;

  it("prints the statements a live stamp would run, without connecting", async () => {
    const context = offline();
    const result = await stamp(context, { revision: "heads", sql: true });

    expect(result.after).toEqual(["one000000002", "two000000001"]);
    expect(context.out.stdout).toEqual([result.script]);
    const script = result.script ?? "";
    expect(script).toMatch(/^-- typeorm-autogen stamp base:heads\n/);
    expect(script).toContain('CREATE TABLE IF NOT EXISTS "public"."autogen_version" (');
    expect(script).toContain('CREATE TABLE IF NOT EXISTS "public"."autogen_version_history" (');
    expect(script).toContain(
      'INSERT INTO "public"."autogen_version" (revision) VALUES (\'one000000002\');',
    );
    expect(script).toMatch(/BEGIN;[\s\S]*'two000000001', 'stamp'[\s\S]*COMMIT;/);
    expect(await tableExists()).toBeNull();
  });

  it("writes a script that leaves the database where the live stamp would", async () => {
    const result = await stamp(offline(), { revision: "one@head", sql: true });
    await db.query(result.script ?? "");

    expect(await rows()).toEqual(["one000000002"]);
    expect((await historyRows()).map((r) => [r.revision, r.operation, r.hashed])).toEqual([
      ["root00000001", "stamp", true],
      ["one000000001", "stamp", true],
      ["one000000002", "stamp", true],
    ]);
  });

  it("starts from the FROM of a FROM:TO range, as downgrade --sql does", async () => {
    const result = await stamp(offline(), { revision: "one000000002:root", sql: true });
    const script = result.script ?? "";

    expect(result).toMatchObject({ before: ["one000000002"], after: ["root00000001"] });
    expect(script).not.toContain('CREATE TABLE IF NOT EXISTS "public"."autogen_version" (');
    expect(script).toContain('UPDATE "public"."autogen_version" SET revision = \'root00000001\'');
    expect(script).toContain("'one000000002', 'unstamp'");
  });

  it("prints no transaction when the database is already there", async () => {
    const result = await stamp(offline(), { revision: "root:root", sql: true });

    expect(result.script).toBe("-- typeorm-autogen stamp root:root\n");
  });
});

describe("history --indicate-current", () => {
  it("marks the current revisions and the applied ones, in text and JSON", async () => {
    await stamp(ctx(), { revision: "one000000001" });
    const text = ctx();
    await history(text, { indicateCurrent: true });
    const json = ctx();
    await history(json, { indicateCurrent: true, json: true });

    expect(text.out.stdout).toEqual([
      "root00000001 -> two000000001 (head), step two000000001",
      "one000000001 -> one000000002 (head), step one000000002",
      "root00000001 -> one000000001 (one) (current), step one000000001",
      "<base> -> root00000001 (branchpoint) (applied), step root00000001",
    ]);
    const list = JSON.parse(json.out.stdout.join("")) as Record<string, unknown>[];
    expect(list.map((r) => [r.revision, r.applied, r.current])).toEqual([
      ["two000000001", false, false],
      ["one000000002", false, false],
      ["one000000001", true, true],
      ["root00000001", true, false],
    ]);
  });

  it("reads the database for a range relative to it, such as current:", async () => {
    await stamp(ctx(), { revision: "one000000001" });
    expect(await history(ctx(), { range: "current:" })).toEqual(["one000000002", "one000000001"]);
  });
});
