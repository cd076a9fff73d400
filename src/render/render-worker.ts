import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { withoutCodeCache } from "../loader/code-cache";
import { collectGarbageIfLarge } from "../loader/collect-garbage";
import { renderMigration, type MigrationFileInput } from "./render-migration";

/**
 * Loading ts-morph (and the TypeScript compiler inside it) takes about half a second, and
 * `revision` spends more than that loading entities and waiting on the database before it has
 * anything to render. `prepareRenderer` starts a worker thread that loads ts-morph meanwhile,
 * on the machine's other core; `renderMigrationFile` then renders there, or in this thread when
 * no worker was prepared or it failed. Both give the same bytes: the worker runs the same
 * `renderMigration`.
 */
let prepared: Worker | null = null;

/** Whether the last `prepareRenderer` was for a large project (see LARGE_PROJECT). */
let large = false;

/** The worker's entry: the compiled form of render-worker-entry.ts, beside this file. */
const ENTRY = join(__dirname, "render-worker-entry.js");

/**
 * Past this many entities the worker is not started. It holds about 90 MB (ts-morph and the
 * compiler) while the main thread's model peaks, and at 10,000 entities that was the
 * difference between 620 and 550 MB; the half second it saves is 2% of such a run there.
 */
export const LARGE_PROJECT = 2000;

/**
 * Starts loading ts-morph in a worker thread, for a project of `entities` entities; a no-op
 * for a large one (see LARGE_PROJECT) and when the compiled entry is missing.
 */
export function prepareRenderer(entities: number): void {
  large = entities > LARGE_PROJECT;
  if (prepared !== null || large || !existsSync(ENTRY)) return;
  try {
    prepared = new Worker(ENTRY);
    // The command's end must not wait for an idle worker.
    prepared.unref();
    prepared.on("error", () => undefined);
  } catch {
    prepared = null;
  }
}

/** The text of a migration file, rendered by the prepared worker when there is one. */
export async function renderMigrationFile(input: MigrationFileInput): Promise<string> {
  const worker = prepared;
  prepared = null;
  if (worker === null) {
    if (!large) return renderMigration(input);
    // ts-morph loads here, on top of what the comparison of a large project left: its
    // garbage goes first, and the code cache, which saves little here, stays out.
    collectGarbageIfLarge();
    return withoutCodeCache(() => renderMigration(input));
  }
  // Ref-ed while it renders: the command may have nothing else keeping it alive (its database
  // connection closed), and Node only refs an unref-ed worker for a message listener when no
  // other listener was there first.
  worker.ref();
  try {
    return await new Promise<string>((resolve, reject) => {
      worker.once("message", (reply: { text?: string; error?: string }) =>
        reply.text !== undefined ? resolve(reply.text) : reject(new Error(reply.error)),
      );
      worker.once("error", reject);
      worker.postMessage(input);
    });
  } catch {
    // A worker that failed (out of memory, a missing module) costs the speed-up only.
    return renderMigration(input);
  } finally {
    void worker.terminate();
  }
}
