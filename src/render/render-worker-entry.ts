import { parentPort } from "node:worker_threads";
import { flushCodeCache, installCodeCache } from "../loader/code-cache";
import { loadTsMorph, renderMigration, type MigrationFileInput } from "./render-migration";

// The worker thread of render-worker.ts: loads ts-morph at once (from V8's code cache, as the
// main thread would), then renders the one file it is sent.
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
