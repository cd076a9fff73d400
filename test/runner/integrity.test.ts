import { IntegrityError, RevisionError } from "../../src/errors";
import { check } from "../../src/commands/check";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { exec, migrationFile } from "./support/migration-file";
import { RunnerProject } from "./support/runner-project";

/**
 * The history table and what it allows: when each revision ran and from which content, a
 * warning (an error with --strict) when an applied file changed or is gone, and databases
 * whose version table predates the history.
 */
let db: TestDatabase;
let project: RunnerProject;

beforeEach(async () => {
  db = await createTestDatabase("runner_integrity");
  project = new RunnerProject(db.url);
});
afterEach(async () => {
  project.remove();
  await db.drop();
});

const A = "aaaa00000001";
const B = "bbbb00000002";
const C = "cccc00000003";
const fileOf = (id: string) => `migrations/${id}_step.ts`;

/** A -> B -> C, each creating a table, all applied. */
async function threeApplied(): Promise<void> {
  project.migration({ revision: A, down: null, upgrade: exec("CREATE TABLE a (id int)") });
  project.migration({ revision: B, down: A, upgrade: exec("CREATE TABLE b (id int)") });
  project.migration({ revision: C, down: B, upgrade: exec("CREATE TABLE c (id int)") });
  expect((await project.upgrade()).error).toBeUndefined();
}

/** Rewrites B's file with other content, as an edit after it was applied would. */
function editB(): void {
  project.migration({ revision: B, down: A, upgrade: exec("CREATE TABLE b (id bigint)") });
}

const warnings = (output: string) => output.split("\n").filter((l) => l.startsWith("warning: "));

describe("the history table", () => {
  it("records each applied and reverted revision with its file's hash, in order", async () => {
    await threeApplied();
    expect((await project.downgrade(A)).error).toBeUndefined();
    const rows = await db.query<{
      revision: string;
      operation: string;
      file: string;
      hash: string;
    }>("SELECT revision, operation, file, hash FROM autogen_version_history ORDER BY id");

    expect(rows.map((r) => `${r.operation} ${r.revision} ${r.file}`)).toEqual([
      `upgrade ${A} ${fileOf(A)}`,
      `upgrade ${B} ${fileOf(B)}`,
      `upgrade ${C} ${fileOf(C)}`,
      `downgrade ${C} ${fileOf(C)}`,
      `downgrade ${B} ${fileOf(B)}`,
    ]);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.hash))).toBe(true);
    expect(await db.query("SELECT revision FROM autogen_version")).toEqual([{ revision: A }]);
  });

  it("stamps each row with the time it ran and the database user", async () => {
    await threeApplied();
    const rows = await db.query<{ recent: boolean; by: string }>(
      "SELECT executed_at > now() - interval '1 minute' AS recent, executed_by = current_user AS by FROM autogen_version_history",
    );

    expect(rows).toEqual(Array(3).fill({ recent: true, by: true }));
  });

  it("is added beside a version table an older autogen created, which stays as it was", async () => {
    await db.query(
      "CREATE TABLE autogen_version (revision character varying(64) NOT NULL, applied_at timestamp with time zone NOT NULL DEFAULT now(), CONSTRAINT autogen_version_pkey PRIMARY KEY (revision))",
    );
    await db.query(`CREATE TABLE a (id int); INSERT INTO autogen_version VALUES ('${A}')`);
    project.migration({ revision: A, down: null, upgrade: exec("CREATE TABLE a (id int)") });
    project.migration({ revision: B, down: A, upgrade: exec("CREATE TABLE b (id int)") });
    const { error, output } = await project.upgrade();

    expect(error).toBeUndefined();
    expect(warnings(output)).toEqual([]);
    expect(await db.query("SELECT revision FROM autogen_version")).toEqual([{ revision: B }]);
    expect(await db.query("SELECT revision, operation FROM autogen_version_history")).toEqual([
      { revision: B, operation: "upgrade" },
    ]);
    const columns = await db.query<{ name: string }>(
      "SELECT attname AS name FROM pg_attribute WHERE attrelid = 'autogen_version'::regclass AND attnum > 0 ORDER BY attnum",
    );
    expect(columns.map((c) => c.name)).toEqual(["revision", "applied_at"]);
  });
});

describe("an applied migration whose file changed", () => {
  const changed = new RegExp(
    `^warning: migration ${B} \\(${fileOf(B)}\\) changed after it was applied on \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC: the database ran the earlier content\\.$`,
  );

  it("makes current warn, naming the revision, the file and when it ran", async () => {
    await threeApplied();
    editB();
    const { error, output } = await project.current();

    expect(error).toBeUndefined();
    expect(warnings(output)).toHaveLength(1);
    expect(warnings(output)[0]).toMatch(changed);
  });

  it("makes upgrade warn and go on", async () => {
    await threeApplied();
    editB();
    project.migration({
      revision: "dddd00000004",
      down: C,
      upgrade: exec("CREATE TABLE d (id int)"),
    });
    const { error, output } = await project.upgrade();

    expect(error).toBeUndefined();
    expect(warnings(output)[0]).toMatch(changed);
    expect(output).toContain("Applied 1 migration in");
  });

  it("makes check warn", async () => {
    await threeApplied();
    editB();
    const { output } = await project.run((ctx) => check(ctx));

    expect(warnings(output)[0]).toMatch(changed);
  });

  it.each([
    ["current", () => project.current({ strict: true })],
    ["upgrade", () => project.upgrade({ strict: true })],
    ["check", () => project.run((ctx) => check(ctx, { strict: true }))],
  ])("is an error for %s --strict, before anything runs", async (_command, run) => {
    await threeApplied();
    editB();
    project.migration({
      revision: "dddd00000004",
      down: C,
      upgrade: exec("CREATE TABLE d (id int)"),
    });
    const { error } = await run();

    expect(error).toBeInstanceOf(IntegrityError);
    expect(error?.message).toMatch(
      new RegExp(
        `^migration ${B} \\(${fileOf(B)}\\) changed after it was applied on .* \\(--strict\\)\\.$`,
      ),
    );
    expect(await db.query("SELECT revision FROM autogen_version")).toEqual([{ revision: C }]);
  });

  it("is not reported once the file is restored", async () => {
    await threeApplied();
    const original = migrationFile({
      revision: B,
      down: A,
      upgrade: exec("CREATE TABLE b (id int)"),
    });
    editB();
    project.write(fileOf(B), original);
    const { output } = await project.current({ strict: true });

    expect(warnings(output)).toEqual([]);
  });
});

describe("an applied migration whose file is gone", () => {
  it("is reported by current when the next file was re-pointed past it", async () => {
    await threeApplied();
    project.removeFile(fileOf(B));
    // A new name for C's edited file: jest's module registry would hand back the old module.
    project.removeFile(fileOf(C));
    project.write(
      `migrations/${C}_repointed.ts`,
      migrationFile({ revision: C, down: A, upgrade: exec("CREATE TABLE c (id int)") }),
    );
    const { output } = await project.current();

    // C's own file changed too: its downRevision is part of its content.
    expect(warnings(output)).toEqual([
      expect.stringContaining(`warning: migration ${C} (migrations/${C}_repointed.ts) changed`),
      expect.stringMatching(
        new RegExp(
          `^warning: migration ${B} was applied on .* UTC but no migration file defines it any more \\(it ran from ${fileOf(B)}\\)\\.$`,
        ),
      ),
    ]);
  });

  it("is reported by current, and refused by upgrade, when it is the head", async () => {
    await threeApplied();
    project.removeFile(fileOf(C));
    const shown = await project.current();
    const upgraded = await project.upgrade();

    expect(warnings(shown.output)[0]).toContain(`warning: migration ${C} was applied on`);
    expect(upgraded.error).toBeInstanceOf(RevisionError);
    expect(upgraded.error?.message).toBe(
      `the database is at revision ${C}, which no migration file defines`,
    );
  });
});
