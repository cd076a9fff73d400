import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join, relative } from "node:path";
import { RevisionError } from "../errors";

/** The lock file `revision` holds in the migrations folder while it reads and writes it. */
export const REVISION_LOCK = ".revision.lock";

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** `pid host` of a lock file, or null when it cannot be read (it is being written or gone). */
function holder(file: string): { pid: number; host: string } | null {
  try {
    const [pid, host = ""] = readFileSync(file, "utf8").trim().split(" ");
    return Number.isInteger(Number(pid)) ? { pid: Number(pid), host } : null;
  } catch {
    return null;
  }
}

/**
 * Runs `fn` holding the migrations folder's revision lock: two `revision` runs at once would
 * each read the same head and write two files with the same change. A lock left by a dead
 * process on this machine is taken over; a folder autogen may not write is not locked (the
 * write that follows fails with its own message).
 */
export async function withFolderLock<T>(dir: string, cwd: string, fn: () => Promise<T>) {
  const file = join(dir, REVISION_LOCK);
  for (let attempt = 0; ; attempt++) {
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, `${process.pid} ${hostname()}\n`, { flag: "wx" });
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EACCES" || code === "EPERM" || code === "EROFS") return fn();
      if (code !== "EEXIST") throw error;
      const other = holder(file);
      if (attempt < 1 && other && other.host === hostname() && !alive(other.pid)) {
        rmSync(file, { force: true });
        continue;
      }
      const shown = relative(cwd, dir) || dir;
      throw new RevisionError(
        `another \`autogen revision\` (${other ? `pid ${other.pid} on ${other.host}` : "another process"}) is writing in ${shown} right now.`,
        `wait for it to finish, then run revision again: it builds on the new file. A lock left by a crash is ${relative(cwd, file) || file}; delete it if no revision is running.`,
      );
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(file, { force: true });
  }
}
