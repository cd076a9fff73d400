import { execFile } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { REPO_ROOT, type CliResult } from "../support/cli";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { NPX_AUTOGEN } from "./shell-line";

const BIN = join(REPO_ROOT, "bin", "autogen.js");

/** The files a page's project starts from: the repository's example project (a small blog). */
export const EXAMPLE_FILES = ["entities", "migrations", "ormconfig.ts"].map((f) =>
  join(REPO_ROOT, f),
);

/** The scratch project and database one page's commands run in, one after the other. */
export interface PageProject {
  readonly dir: string;
  readonly db: TestDatabase;
  /** The id of the migration file a command last printed: what `<baseline id>` stands for. */
  readonly lastRevision: string | null;
  /** Runs one `npx autogen ...` shell command, as the page shows it, in the project folder. */
  run(command: string): Promise<CliResult>;
  /** Replaces the project's files (node_modules aside) with copies of `sources`. */
  useFiles(sources: readonly string[]): void;
  /** Empties the database's public schema. */
  emptyDatabase(): Promise<void>;
  read(path: string): string;
  write(path: string, text: string): void;
  /** Drops the page's database; the folder is the caller's. */
  remove(): Promise<void>;
}

/**
 * The example project, copied into `dir`, on a fresh database named for the page
 * (`doctest_<page>_<random>`). The pages share one folder, emptied for each: the transpile
 * cache keys a file by its path, so the example's files compile once for all the pages.
 */
export async function pageProject(page: string, dir: string): Promise<PageProject> {
  if (!existsSync(join(REPO_ROOT, "dist", "cli", "main.js"))) {
    throw new Error("dist/ is missing: run `npm run build` before the doc-test");
  }
  const slug = page
    .replace(/^docs\//, "")
    .replace(/\.md$/, "")
    .replace(/\W+/g, "_");
  const db = await createTestDatabase(`doctest_${slug}`);
  let lastRevision: string | null = null;
  const project: PageProject = {
    dir,
    db,
    get lastRevision() {
      return lastRevision;
    },
    async run(command) {
      const result = await sh(placeholdersFilled(command, db.url, lastRevision), dir, db.url);
      lastRevision = revisionPrinted(dir, result.stdout) ?? lastRevision;
      return result;
    },
    useFiles(sources) {
      for (const entry of readdirSync(dir)) {
        if (entry !== "node_modules") rmSync(join(dir, entry), { recursive: true });
      }
      for (const source of sources) {
        cpSync(source, join(dir, basename(source)), { recursive: true });
      }
    },
    async emptyDatabase() {
      await db.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
    },
    read: (path) => readFileSync(join(dir, path), "utf8"),
    write(path, text) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
    remove: () => db.drop(),
  };
  project.useFiles(EXAMPLE_FILES);
  return project;
}

/**
 * The command with the page's placeholders filled from the scratch project: `npx autogen` is
 * the built binary, a `DATABASE_URL=...` assignment names the page's database, and
 * `<baseline id>` (any `<... id>`) the revision a command last wrote.
 */
export function placeholdersFilled(
  command: string,
  databaseUrl: string,
  lastRevision: string | null,
): string {
  const filled = command
    .replace(/\bDATABASE_URL=\S+/g, `DATABASE_URL='${databaseUrl}'`)
    .replace(/<[\w ]*\bid>/g, () => {
      if (lastRevision === null) throw new Error(`${command}: no revision written yet for <id>`);
      return lastRevision;
    })
    .replace(NPX_AUTOGEN, `'${process.execPath}' '${BIN}'`);
  const unknown = /<[\w ]+>/.exec(filled);
  if (unknown) throw new Error(`${command}: no value for the placeholder ${unknown[0]}`);
  return filled;
}

/** The revision id of the first migration file whose path `stdout` prints. */
function revisionPrinted(dir: string, stdout: string): string | null {
  for (const line of stdout.split("\n")) {
    const file = join(dir, line.trim());
    if (!line.trim().endsWith(".ts") || !existsSync(file)) continue;
    const id = /export const revision = "(\w+)"/.exec(readFileSync(file, "utf8"))?.[1];
    if (id) return id;
  }
  return null;
}

function sh(command: string, cwd: string, databaseUrl: string): Promise<CliResult> {
  // Colour only where a page asks for it: jest may set FORCE_COLOR for its workers.
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    MIGRATION_DATABASE_URL: undefined,
    FORCE_COLOR: undefined,
    NO_COLOR: undefined,
  };
  return new Promise((done) => {
    execFile("sh", ["-c", command], { cwd, env }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      done({ code, stdout, stderr });
    });
  });
}
