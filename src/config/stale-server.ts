import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { ConnectionError } from "../errors";

/*
 * A killed autogen (kill -9, the OOM killer, a CI timeout) cannot stop the embedded server it
 * started: the server keeps running, unattended, holding `postmaster.pid`, and every later
 * start fails on the lock file. Each server's starter is recorded in `.autogen/server.owner`;
 * a server whose starter is gone is shut down cleanly (its data kept) before a new one starts.
 */

const OWNER_FILE = "server.owner";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user (the `postgres` user under root).
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The command line of a process, or null when it cannot be read. */
function commandLine(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");
  } catch {
    try {
      return execFileSync("ps", ["-o", "command=", "-p", String(pid)], { encoding: "utf8" });
    } catch {
      return null;
    }
  }
}

const readPid = (file: string): number | null => {
  try {
    const pid = Number.parseInt(readFileSync(file, "utf8").split("\n")[0] ?? "", 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
};

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(100)) {
    if (!alive(pid)) return true;
  }
  return !alive(pid);
}

/** What was found and done, for the one line the workspace prints. */
export type Recovery = "none" | "stopped-orphan" | "removed-stale-lock";

/**
 * Makes the data folder startable: stops an orphaned server of this folder (SIGINT, a fast
 * shutdown that keeps the data), removes a lock file whose process is gone or is not a
 * server of this folder, and refuses when a live autogen process is using the server.
 */
export async function recoverStaleServer(home: string, dataDir: string): Promise<Recovery> {
  const lockFile = join(dataDir, "postmaster.pid");
  const serverPid = readPid(lockFile);
  if (serverPid === null) return "none";
  if (!alive(serverPid)) return "none"; // PostgreSQL removes a dead process's lock itself.
  if (!(commandLine(serverPid) ?? "").includes(dataDir)) {
    // The pid was taken by another process since: PostgreSQL would refuse to start.
    rmSync(lockFile, { force: true });
    return "removed-stale-lock";
  }
  const owner = readPid(join(home, OWNER_FILE));
  if (owner !== null && owner !== process.pid && alive(owner)) {
    throw new ConnectionError(
      `The embedded PostgreSQL in ${dataDir} is in use by autogen process ${owner}.`,
      "Wait for that command to finish, or set DATABASE_URL to use another server.",
    );
  }
  process.kill(serverPid, "SIGINT");
  if (!(await waitForExit(serverPid, 15000))) {
    // Immediate shutdown: crash recovery replays the WAL on the next start, nothing is lost.
    process.kill(serverPid, "SIGQUIT");
    await waitForExit(serverPid, 5000);
  }
  return "stopped-orphan";
}

/** Records this process as the starter of the running server. */
export function claimServer(home: string): void {
  writeFileSync(join(home, OWNER_FILE), `${process.pid}\n`);
}

/** Forgets the starter once its server is stopped. */
export function releaseServer(home: string): void {
  rmSync(join(home, OWNER_FILE), { force: true });
}
