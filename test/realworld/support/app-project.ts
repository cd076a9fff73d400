import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { REPO_ROOT, runCli, type CliResult } from "../../support/cli";

const SYNCHRONIZE = join(__dirname, "synchronize.js");
const MODULES = join(REPO_ROOT, "node_modules");

/**
 * A project folder for a published application: its config file, and a node_modules that
 * links the packages of one version of the application (an npm alias in our devDependencies)
 * under the names the application's users import. Switching versions relinks them, the way
 * `npm install app@next` would, while the migrations folder stays.
 */
export interface AppProject {
  readonly dir: string;
  /** Links `node_modules/<name>` to the repository's `node_modules/<installed>`, for each pair. */
  install(packages: Readonly<Record<string, string>>): void;
  write(path: string, text: string): void;
  run(args: readonly string[], databaseUrl: string): Promise<CliResult>;
  /** TypeORM's own synchronize of the project's config on the database. */
  synchronize(databaseUrl: string): Promise<void>;
  remove(): void;
}

export function appProject(): AppProject {
  const dir = mkdtempSync(join(tmpdir(), "autogen-app-"));
  const modules = join(dir, "node_modules");
  return {
    dir,
    install(packages) {
      rmSync(modules, { recursive: true, force: true });
      for (const [name, installed] of Object.entries(packages)) {
        const link = join(modules, name);
        mkdirSync(dirname(link), { recursive: true });
        symlinkSync(join(MODULES, installed), link, "dir");
      }
    },
    write(path, text) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
    run: (args, databaseUrl) => runCli(args, { cwd: dir, env: { DATABASE_URL: databaseUrl } }),
    synchronize: (databaseUrl) =>
      new Promise((done, fail) => {
        execFile(
          process.execPath,
          [SYNCHRONIZE, join(dir, "ormconfig.ts")],
          { cwd: dir, env: { ...process.env, DATABASE_URL: databaseUrl } },
          (error, _stdout, stderr) => (error ? fail(new Error(stderr || String(error))) : done()),
        );
      }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * The TypeORM a published package depends on, as npm installed it: nested in the package
 * when the repository's own `typeorm` is another version, else the hoisted copy.
 */
export function typeOrmOf(installed: string): string {
  const nested = join(installed, "node_modules", "typeorm");
  return existsSync(join(MODULES, nested)) ? nested : "typeorm";
}
