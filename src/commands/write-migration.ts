import { mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { renderMigrationFile, type MigrationFileInput } from "../render";
import { RevisionGraph, type RevisionInfo } from "../revisions";
import type { MigrationGraph } from "./migration-graph";
import { fileStep } from "../config/file-access";
import { fileNameFor } from "./file-name";

export { fileNameFor } from "./file-name";
import { runPostWriteHooks } from "./post-write-hooks";
import type { Workspace } from "./workspace";

/** Where `revision` or `merge` will write the file of `id`. */
export const migrationPath = (ws: Workspace, id: string, message: string): string =>
  join(ws.options.migrationsDir, fileNameFor(id, message));

/**
 * Checks that the graph stays valid with the new revision in it (labels unused and well
 * formed, dependencies that exist), before anything is written: the same checks, and the
 * same messages, as when the folder is loaded next time.
 */
export function checkNewRevision(graph: MigrationGraph, revision: RevisionInfo): void {
  RevisionGraph.from<RevisionInfo>([...graph.ids.map((id) => graph.get(id)), revision]);
}

/**
 * Renders and writes a new migration file (never over an existing one), prints its path on
 * stdout, then runs the post-write hooks on it. Returns the file's path.
 */
export async function writeMigration(ws: Workspace, input: MigrationFileInput): Promise<string> {
  const text = await renderMigrationFile(input);
  const dir = ws.options.migrationsDir;
  fileStep(dir, "create", () => mkdirSync(dir, { recursive: true }));
  const file = migrationPath(ws, input.revision, input.message);
  fileStep(file, "write", () => writeFileSync(file, text, { flag: "wx" }));
  ws.context.out.data(relative(ws.cwd, file) || file);
  await runPostWriteHooks(ws, file);
  return file;
}
