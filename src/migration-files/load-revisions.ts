import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { AutogenError, LoadError, RevisionError } from "../errors";
import { loadModule } from "../loader/typescript-loader";
import { readDocComment } from "./doc-comment";
import { readMigrationExports } from "./migration-exports";
import { displayPath } from "../revisions/revision-errors";
import type { LoadedRevision } from "../revisions/revision-info";

/** Migration files: `.ts` and `.js`, but not declaration files a build may leave beside them. */
const isMigrationFile = (name: string): boolean =>
  /\.(ts|js)$/.test(name) && !name.endsWith(".d.ts");

/**
 * Loads every migration file directly in `dir` (not in subfolders), in file-name order.
 * A file that does not compile, throws while loading, or lacks a required export stops the
 * load with a LoadError naming it. The result feeds `RevisionGraph.from`.
 *
 * @example
 * const graph = RevisionGraph.from(await loadRevisions("migrations"));
 */
export async function loadRevisions(dir: string): Promise<LoadedRevision[]> {
  const folder = resolve(dir);
  let names: string[];
  try {
    const entries = await readdir(folder, { withFileTypes: true });
    names = entries
      .filter((entry) => entry.isFile() && isMigrationFile(entry.name))
      .map((entry) => entry.name);
  } catch (error) {
    throw new RevisionError(
      `cannot read the migrations folder ${displayPath(folder)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      "run `autogen init`, or set `migrationsDir` in the config's `autogen` export",
    );
  }
  const revisions: LoadedRevision[] = [];
  for (const name of names.sort()) revisions.push(await loadRevision(join(folder, name)));
  return revisions;
}

/** Loads and checks one migration file. */
export async function loadRevision(file: string): Promise<LoadedRevision> {
  const bytes = await readFile(file);
  const hash = createHash("sha256").update(bytes).digest("hex");
  const { message, createdAt } = readDocComment(bytes.toString("utf8"));
  const exports = readMigrationExports(file, requireFresh(file));
  return Object.freeze({
    ...exports,
    message,
    file,
    hash,
    ...(createdAt === undefined ? {} : { createdAt }),
  });
}

/**
 * Requires the file anew: a long-lived process (or a test) that rewrites a migration must
 * not run the old code under the new file's hash.
 */
function requireFresh(file: string): Record<string, unknown> {
  delete require.cache[file];
  try {
    return loadModule(file);
  } catch (error) {
    if (error instanceof AutogenError) throw error;
    // Duck-typed: errors thrown inside another realm (a vm context, jest) fail instanceof.
    const text =
      typeof error === "object" && error !== null && "message" in error
        ? String(error.message)
        : String(error);
    const reason =
      text
        .split("\n")
        .find((line) => line.trim() !== "")
        ?.trim() ?? text;
    throw new LoadError(file, `${displayPath(file)} failed to load: ${reason}`, { cause: error });
  }
}
