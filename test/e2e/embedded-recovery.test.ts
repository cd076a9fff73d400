import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../support/cli";
import { emptyMigration, LIBRARY_FIXTURE, project, type Project } from "./project";

/*
 * A killed run must not jam the embedded PostgreSQL (issue 13): no DATABASE_URL here, so the
 * commands start the project's own server in .autogen/, as a newcomer's would.
 */

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

const serverPid = (p: Project): number =>
  Number(readFileSync(join(p.dir, ".autogen", "pgdata", "postmaster.pid"), "utf8").split("\n")[0]);

/** Starts `autogen upgrade` and kills it with SIGKILL once a migration is running. */
function killDuringUpgrade(p: Project): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, "bin", "autogen.js"), "upgrade"], {
      cwd: p.dir,
      env: { ...process.env, DATABASE_URL: undefined },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes("Applying sl33p0000002")) child.kill("SIGKILL");
    });
    child.on("close", (_code, signal) =>
      signal === "SIGKILL" ? done() : fail(new Error(`upgrade was not killed: ${stderr}`)),
    );
  });
}

describe("the embedded PostgreSQL after a killed run", () => {
  let p: Project;
  beforeAll(() => {
    p = project(LIBRARY_FIXTURE, null);
  });
  afterAll(async () => {
    // A last command stops whatever server is left, then the folder goes.
    await p.run(["current"]);
    p.remove();
  });

  it("is recovered by the next command, with the data it held", async () => {
    p.write("migrations/f1r570000001_first.ts", emptyMigration("f1r570000001", null));
    expect((await p.run(["upgrade"])).code).toBe(0);
    p.write(
      "migrations/sl33p0000002_sleep.ts",
      emptyMigration("sl33p0000002", "f1r570000001").replace(
        "export async function upgrade(_context: MigrationContext): Promise<void> {}",
        'export async function upgrade({ op }: MigrationContext): Promise<void> {\n  await op.execute("SELECT pg_sleep(120)");\n}',
      ),
    );
    await killDuringUpgrade(p);
    const orphan = serverPid(p);
    expect(alive(orphan)).toBe(true);

    const result = await p.run(["current"]);

    expect(result.stderr).toContain("left running by a killed autogen run");
    expect(result.code).toBe(0);
    // The first migration's row survived: the data folder was kept.
    expect(result.stdout.trim()).toBe("f1r570000001");
    expect(alive(orphan)).toBe(false);
  });

  it("starts despite a lock file whose pid another process has taken since", async () => {
    const lockFile = join(p.dir, ".autogen", "pgdata", "postmaster.pid");
    expect(existsSync(lockFile)).toBe(false);
    // This test's own pid: alive, and no PostgreSQL of this folder.
    writeFileSync(lockFile, `${process.pid}\n${join(p.dir, ".autogen", "pgdata")}\n`);

    const result = await p.run(["current"]);

    expect(result.stderr).not.toContain("error:");
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe("f1r570000001");
  });
});
