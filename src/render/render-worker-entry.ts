import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { flushCodeCache, installCodeCache } from "../loader/code-cache";
import { loadTsMorph, renderMigration, type MigrationFileInput } from "./render-migration";

// The worker thread of render-worker.ts: loads ts-morph at once (from V8's code cache, as the
// main thread would), then renders the one file it is sent.
lowerThreadPriority();
installCodeCache();
loadTsMorph();
// The main thread terminates this worker once it has the text: the cache is written now.
flushCodeCache();
parentPort?.once("message", (input: MigrationFileInput) => {
  try {
    parentPort?.postMessage({ text: renderMigration(input) });
  } catch (error) {
    parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});

/**
 * Gives this thread the lowest CPU priority (nice 19), on Linux, where a thread has its own.
 * ts-morph takes about 0.4 s of CPU to load; on two cores, at normal priority it took them
 * from the entity import and PostgreSQL's catalog answers (at 1,000 tables the import took
 * 0.64 s instead of 0.48), and `revision` was 0.07 s slower for it. At the lowest, it loads
 * on what they leave idle.
 */
function lowerThreadPriority(): void {
  if (process.platform !== "linux") return;
  try {
    // "<pid>/task/<tid>": setpriority with a thread's id sets that thread's alone.
    const thread = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (Number.isInteger(thread)) setPriority(thread, 19);
  } catch {
    // Without /proc or the permission, the thread keeps its priority: only slower.
  }
}
