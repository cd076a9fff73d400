import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { withoutCodeCache } from "../loader/code-cache";
import { collectGarbageIfLarge } from "../loader/collect-garbage";
import { cacheDirectory } from "../loader/transpile-cache";
import { renderMigration, type MigrationFileInput } from "./render-migration";
import { writeCacheFile } from "../loader/cache-file";

/**
 * Loading ts-morph (and the TypeScript compiler inside it) takes about half a second, and
 * `revision` spends more than that loading entities and waiting on the database before it has
 * anything to render. `prepareRenderer` starts a worker thread that loads ts-morph meanwhile,
 * on the machine's other core; `renderMigrationFile` then renders there, or in this thread when
 * no worker was prepared or it failed. Both give the same bytes: the worker runs the same
 * `renderMigration`.
 */
let prepared: Worker | null = null;

/** Whether the project is a large one (see LARGE_PROJECT and `sizeRenderer`). */
let large = false;

/** The worker's entry: the compiled form of render-worker-entry.ts, beside this file. */
const ENTRY = join(__dirname, "render-worker-entry.js");

/**
 * Past this many entities no worker renders. It holds about 90 MB (ts-morph and the
 * compiler) while the main thread's model peaks, and at 10,000 entities that was the
 * difference between 620 and 550 MB; the half second it saves is 2% of such a run there.
 */
export const LARGE_PROJECT = 2000;

/**
 * Starts loading ts-morph in a worker thread, for the file the command will render: as early
 * as the command can (the CLI calls it before the config loads; at 100 tables `revision` took
 * 0.94 s instead of 1.05 s, medians). A no-op once started, for a project known to be large, and
 * when the compiled entry is missing.
 *
 * `project` names the project before its size is known (the CLI: the folder and `--config`):
 * one that was large when last sized starts no worker. A worker stopped once the size is
 * known leaves memory behind (at 10,000 entities the peak was 530 MB instead of 485).
 */
export function prepareRenderer(project?: string): void {
  if (project !== undefined) {
    sizedProject = project;
    large = largeProjects().includes(project);
  }
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

/**
 * The project's number of entities, once known: past LARGE_PROJECT the worker, if one was
 * prepared, is stopped (ts-morph has barely started loading by then: the config was being
 * read) and the file renders in the command's thread.
 */
export function sizeRenderer(entities: number): void {
  large = entities > LARGE_PROJECT;
  if (sizedProject !== undefined) rememberSize(sizedProject, large);
  if (!large || prepared === null) return;
  void prepared.terminate();
  prepared = null;
}

/** The project `prepareRenderer` was given, whose size `sizeRenderer` remembers. */
let sizedProject: string | undefined;

/** The file listing the projects that were large when last sized, in the cache folder. */
function largeProjectsFile(): string | undefined {
  const dir = cacheDirectory();
  return dir === undefined ? undefined : join(dir, "large-projects.json");
}

function largeProjects(): string[] {
  const file = largeProjectsFile();
  try {
    const list: unknown = file === undefined ? [] : JSON.parse(readFileSync(file, "utf8"));
    return Array.isArray(list) ? list.filter((p): p is string => typeof p === "string") : [];
  } catch {
    return [];
  }
}

/** Notes whether `project` is large; the file is written only when that changes. */
function rememberSize(project: string, isLarge: boolean): void {
  const file = largeProjectsFile();
  const known = largeProjects();
  if (file === undefined || known.includes(project) === isLarge) return;
  const list = isLarge ? [...known, project] : known.filter((p) => p !== project);
  // Not written: the next run of a large project starts a worker and stops it.
  writeCacheFile(file, JSON.stringify(list));
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
