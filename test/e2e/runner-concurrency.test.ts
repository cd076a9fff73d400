import { Client } from "pg";
import { advisoryLockSql } from "../../src/dialect/postgres/session/advisory-lock";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { LIBRARY_FIXTURE, project, STACK_FRAME, type Project } from "./project";
import { autogenSessions, countingMigration, running, startCli, waitFor } from "./runner-process";

/**
 * The real binary, many at once and killed mid-way: the migration lock makes every migration
 * run exactly once, names its holder, gives up when told to, and dies with its holder.
 */
jest.setTimeout(180_000);

const IDS = ["c0000000000a", "c0000000000b", "c0000000000c", "c0000000000d", "c0000000000e"];
const VERSION_TABLE = { schema: "public", name: "autogen_version" };

let db: TestDatabase;
let p: Project;
let holder: Client | undefined;

beforeEach(async () => {
  db = await createTestDatabase("e2e_runner_lock");
  p = project(LIBRARY_FIXTURE, db.url);
});
afterEach(async () => {
  await holder?.end().catch(() => undefined);
  holder = undefined;
  p.remove();
  await db.drop();
});

/** Five counting migrations in a chain; `options` applies to the middle one. */
function fiveMigrations(options: { sleep?: number; slowWhen?: number } = {}): void {
  IDS.forEach((id, i) => {
    const down = i === 0 ? null : (IDS[i - 1] as string);
    p.write(`migrations/${id}_count.ts`, countingMigration(id, down, i === 2 ? options : {}));
  });
}

const counts = () =>
  db.query<{ revision: string; runs: number }>("SELECT revision, runs FROM counter ORDER BY 1");
const versionRows = () => db.query<{ revision: string }>("SELECT revision FROM autogen_version");
const everyOnce = IDS.map((revision) => ({ revision, runs: 1 }));

/** A session of the test's own holding the migration lock, named `holder-e2e`. */
async function holdMigrationLock(): Promise<number> {
  holder = new Client({ connectionString: db.url, application_name: "holder-e2e" });
  holder.on("error", () => undefined);
  await holder.connect();
  await holder.query(advisoryLockSql.tryLock(VERSION_TABLE));
  const { rows } = await holder.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
  return rows[0]?.pid ?? 0;
}

describe("concurrent upgrades", () => {
  it("eight processes at once apply every migration exactly once and all exit 0", async () => {
    fiveMigrations({ sleep: 0.5 });
    const runs = await Promise.all(Array.from({ length: 8 }, () => p.run(["upgrade"])));

    expect(runs.map((r) => r.code)).toEqual(Array(8).fill(0));
    expect(await counts()).toEqual(everyOnce);
    expect(await versionRows()).toEqual([{ revision: IDS[4] }]);
    const applied = runs.flatMap((r) => r.stderr.split("\n").filter((l) => /^Applied c0/.test(l)));
    expect(applied).toHaveLength(5);
    const history = await db.query("SELECT revision FROM autogen_version_history");
    expect(history).toHaveLength(5);
  });

  it("a run that waited re-reads the version table and applies nothing already applied", async () => {
    fiveMigrations();
    const pid = await holdMigrationLock();
    const waiter = startCli(["upgrade"], p.dir, { DATABASE_URL: db.url });
    await waitFor("the waiting note", () =>
      waiter.stderr().includes("Waiting for the migration lock"),
    );
    // Meanwhile the holder applies everything, as another replica would.
    const script = (await p.run(["upgrade", "--sql"])).stdout;
    await holder?.query(script);
    await holder?.query(advisoryLockSql.unlock(VERSION_TABLE));
    const result = await waiter.done;

    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      new RegExp(
        `^Waiting for the migration lock on .*/${db.name}, held by pid ${pid} \\(holder-e2e`,
        "m",
      ),
    );
    expect(result.stderr).toContain(`Nothing to upgrade: the database is at ${IDS[4]}.`);
    expect(await counts()).toEqual(everyOnce);
  });

  it("gives up after --migration-lock-timeout with one sentence naming the holder", async () => {
    fiveMigrations();
    const pid = await holdMigrationLock();
    const result = await p.run(["upgrade", "--migration-lock-timeout", "1"]);

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        `^error: Gave up after 1 s waiting for the migration lock on .*/${db.name} \\(version table public\\.autogen_version\\): it is held by pid ${pid} \\(holder-e2e[^)]*\\)\\.$`,
        "m",
      ),
    );
    expect(result.stderr).not.toMatch(STACK_FRAME);
    const [untouched] = await db.query("SELECT to_regclass('autogen_version') IS NULL AS yes");
    expect(untouched).toEqual({ yes: true });
  });

  it("refuses a negative --migration-lock-timeout as a usage error", async () => {
    const result = await p.run(["upgrade", "--migration-lock-timeout", "-1"]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "error: --migration-lock-timeout takes a number of seconds (0 or more).",
    );
  });
});

describe("kill -9", () => {
  it("of the lock holder frees the lock, and the waiting run applies everything once", async () => {
    fiveMigrations({ slowWhen: 60 });
    const doomed = startCli(["upgrade"], p.dir, { DATABASE_URL: db.url, AUTOGEN_TEST_SLOW: "1" });
    await waitFor("the slow migration", () => running(db, "SELECT pg_sleep(60)"));
    const waiter = startCli(["upgrade"], p.dir, { DATABASE_URL: db.url });
    await waitFor("the waiting note", () =>
      waiter.stderr().includes("Waiting for the migration lock"),
    );
    const killedAt = Date.now();
    doomed.child.kill("SIGKILL");
    const result = await waiter.done;

    expect((await doomed.done).signal).toBe("SIGKILL");
    expect(result.code).toBe(0);
    // The killed backend notices within seconds (client_connection_check_interval), not 60 s.
    expect(Date.now() - killedAt).toBeLessThan(30_000);
    expect(await counts()).toEqual(everyOnce);
    expect(await versionRows()).toEqual([{ revision: IDS[4] }]);
  });

  it("in the middle of a migration leaves the database at the last committed revision, and the next run completes", async () => {
    fiveMigrations({ slowWhen: 60 });
    const doomed = startCli(["upgrade"], p.dir, { DATABASE_URL: db.url, AUTOGEN_TEST_SLOW: "1" });
    await waitFor("the slow migration", () => running(db, "SELECT pg_sleep(60)"));
    doomed.child.kill("SIGKILL");
    await doomed.done;
    await waitFor("the killed session to end", async () => (await autogenSessions(db)) === 0);

    expect(await versionRows()).toEqual([{ revision: IDS[1] }]);
    const made = await db.query<{ name: string }>(
      "SELECT relname AS name FROM pg_class WHERE relname LIKE 'made_by_%' ORDER BY 1",
    );
    expect(made.map((r) => r.name)).toEqual([`made_by_${IDS[0]}`, `made_by_${IDS[1]}`]);

    const next = await p.run(["upgrade"]);
    expect(next.code).toBe(0);
    expect(next.stderr).toContain(`Applied 3 migrations in`);
    expect(await counts()).toEqual(everyOnce);
    expect(await versionRows()).toEqual([{ revision: IDS[4] }]);
  });
});
