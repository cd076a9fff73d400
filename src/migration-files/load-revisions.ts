import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { AutogenError, LoadError, RevisionError } from "../errors";
import { loadModule } from "../loader/typescript-loader";
import { readDocComment } from "./doc-comment";
import { readMigrationExports, type MigrationExports } from "./migration-exports";
import { readStaticExports } from "./static-exports";
import { displayPath } from "../revisions/revision-errors";
import type { LoadedRevision, MigrationFunction } from "../revisions/revision-info";

export interface LoadOptions {
  /**
   * Read the identifying exports from the file's text when it has the generated shape, and
   * run the file only when `upgrade` or `downgrade` is called. For commands that only list
   * or walk the graph; a file of another shape is still run at once.
   */
  readonly headersOnly?: boolean;
}

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
export async function loadRevisions(
  dir: string,
  options: LoadOptions = {},
): Promise<LoadedRevision[]> {
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
  for (const name of names.sort()) {
    revisions.push(await loadRevision(join(folder, name), options));
  }
  return revisions;
}

/** Loads and checks one migration file. */
export async function loadRevision(
  file: string,
  options: LoadOptions = {},
): Promise<LoadedRevision> {
  const bytes = await readFile(file);
  const hash = createHash("sha256").update(bytes).digest("hex");
  const text = bytes.toString("utf8");
  const { message, createdAt } = readDocComment(text);
  const statics = options.headersOnly ? readStaticExports(file, text) : undefined;
  const exports = statics
    ? readMigrationExports(file, {
        ...statics,
        upgrade: later("upgrade"),
        downgrade: later("downgrade"),
      })
    : readMigrationExports(file, requireFresh(file));
  function later(name: "upgrade" | "downgrade"): MigrationFunction {
    return (context) => executed(file, exports)[name](context);
  }
  return Object.freeze({
    ...exports,
    message,
    file,
    hash,
    ...(createdAt === undefined ? {} : { createdAt }),
  });
}

/**
 * The file run, for a revision whose exports were read from its text: what it exports when
 * run must be what its text said, or the graph was built on a lie.
 */
function executed(file: string, read: MigrationExports): MigrationExports {
  const actual = readMigrationExports(file, requireFresh(file));
  const same = (a: readonly string[], b: readonly string[]) => a.join("\0") === b.join("\0");
  if (
    actual.revision !== read.revision ||
    !same(actual.downRevisions, read.downRevisions) ||
    !same(actual.branchLabels, read.branchLabels) ||
    !same(actual.dependsOn, read.dependsOn) ||
    actual.transaction !== read.transaction
  ) {
    throw new LoadError(
      file,
      `${displayPath(file)} exports other revision ids when run than its text shows; write them as plain literals`,
    );
  }
  return actual;
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
