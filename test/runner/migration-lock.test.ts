import { Client } from "pg";
import { advisoryLockSql } from "../../src/dialect/postgres/session/advisory-lock";
import { MigrationLockTimeoutError } from "../../src/errors";
import { withMigrationLock, type LockHolder } from "../../src/runner/migration-lock";
import type { TableRef } from "../../src/schema/model";
import { createTestDatabase, type TestDatabase } from "../support/database";

/** The migration lock on its own: waiting, naming the holder, timing out, releasing. */
const TABLE: TableRef = { schema: "public", name: "autogen_version" };
let db: TestDatabase;
const clients: Client[] = [];

beforeAll(async () => {
  db = await createTestDatabase("runner_lock");
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.end().catch(() => undefined)));
});
afterAll(async () => {
  await db.drop();
});

async function session(applicationName = "lock-test"): Promise<Client> {
  const client = new Client({ connectionString: db.url, application_name: applicationName });
  client.on("error", () => undefined);
  await client.connect();
  clients.push(client);
  return client;
}

/** A session that holds the lock of `table`, and its pid. */
async function holder(name: string, table = TABLE): Promise<{ client: Client; pid: number }> {
  const client = await session(name);
  const [row] = (await client.query(advisoryLockSql.tryLock(table))).rows as { locked: boolean }[];
  expect(row?.locked).toBe(true);
  const [me] = (await client.query("SELECT pg_backend_pid() AS pid")).rows as { pid: number }[];
  return { client, pid: me?.pid ?? 0 };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the migration lock", () => {
  it("gives up after the timeout with one sentence naming the holder's pid and application", async () => {
    const other = await holder("deploy-7");
    const started = Date.now();
    const attempt = withMigrationLock(await session(), TABLE, async () => "ran", {
      timeoutSeconds: 0.5,
      database: "postgres@db:5432/app",
    });

    await expect(attempt).rejects.toThrow(MigrationLockTimeoutError);
    await expect(attempt).rejects.toThrow(
      new RegExp(
        `^Gave up after 0\\.5 s waiting for the migration lock on postgres@db:5432/app \\(version table public\\.autogen_version\\): it is held by pid ${other.pid} \\(deploy-7(, [0-9a-f.:/]+)?\\)\\.$`,
      ),
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
  });

  it("gives up at once with a timeout of 0", async () => {
    await holder("deploy-8");
    const started = Date.now();

    await expect(
      withMigrationLock(await session(), TABLE, async () => "ran", { timeoutSeconds: 0 }),
    ).rejects.toThrow(/held by pid \d+ \(deploy-8/);
    expect(Date.now() - started).toBeLessThan(400);
  });

  it("names the holder while waiting and runs once the holder lets go", async () => {
    const other = await holder("deploy-9");
    const seen: (LockHolder | null)[] = [];
    setTimeout(() => void other.client.query(advisoryLockSql.unlock(TABLE)), 400);
    const result = await withMigrationLock(await session(), TABLE, async () => "ran", {
      onWait: (h) => seen.push(h),
      pollMilliseconds: 50,
    });

    expect(result).toBe("ran");
    expect(seen).toEqual([
      expect.objectContaining({ pid: other.pid, applicationName: "deploy-9" }),
    ]);
  });

  it("is freed when the holder's session dies", async () => {
    const other = await holder("doomed");
    setTimeout(() => void db.query("SELECT pg_terminate_backend($1)", [other.pid]), 300);

    await expect(
      withMigrationLock(await session(), TABLE, async () => "ran", { timeoutSeconds: 10 }),
    ).resolves.toBe("ran");
  });

  it("is released when the locked function throws", async () => {
    const first = await session();
    await expect(
      withMigrationLock(first, TABLE, async () => {
        throw new Error("migration failed");
      }),
    ).rejects.toThrow("migration failed");

    await expect(
      withMigrationLock(await session(), TABLE, async () => "ran", { timeoutSeconds: 0 }),
    ).resolves.toBe("ran");
  });

  it("does not block a project that uses another version table", async () => {
    await holder("other-project", { schema: "public", name: "other_version" });

    await expect(
      withMigrationLock(await session(), TABLE, async () => "ran", { timeoutSeconds: 0 }),
    ).resolves.toBe("ran");
  });

  it("serialises sessions: no two run the locked function at once", async () => {
    let inside = 0;
    let most = 0;
    const run = async () =>
      withMigrationLock(
        await session(),
        TABLE,
        async () => {
          inside++;
          most = Math.max(most, inside);
          await sleep(50);
          inside--;
        },
        { pollMilliseconds: 10 },
      );
    await Promise.all([run(), run(), run(), run()]);

    expect(most).toBe(1);
  });
});
