import { execFile } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

import { typeOrmPackage } from "./typeorm-line";

export const REPO_ROOT = resolve(__dirname, "../..");
const BIN = join(REPO_ROOT, "bin", "autogen.js");

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the real `autogen` binary (the built `dist/`, as `npm test` builds it first) in a
 * separate Node process, like a user or a CI script would.
 */
export function runCli(
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<CliResult> {
  if (!existsSync(join(REPO_ROOT, "dist", "cli", "main.js"))) {
    throw new Error(
      "dist/ is missing: run `npm run build` (npm test does it) before the e2e tests",
    );
  }
  // Colour only when a test asks for it: jest may set FORCE_COLOR for its workers.
  const env = {
    ...process.env,
    DATABASE_URL: undefined,
    FORCE_COLOR: undefined,
    NO_COLOR: undefined,
    ...options.env,
  };
  return new Promise((done) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: options.cwd, env },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

/**
 * A throwaway project folder, optionally copied from a fixture. `node_modules` links to the
 * repository's, so configs and entities resolve `typeorm` like an installed project would;
 * on the 0.3 line it is a folder of links to the repository's packages whose `typeorm` is
 * the `typeorm-0.3` alias.
 */
export function tempProject(fixture?: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "autogen-project-"));
  if (fixture) cpSync(fixture, dir, { recursive: true });
  linkNodeModules(dir);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Gives `dir` a node_modules in which `typeorm` is the TypeORM line under test. */
export function linkNodeModules(dir: string): void {
  const modules = join(REPO_ROOT, "node_modules");
  const typeorm = typeOrmPackage();
  if (typeorm === "typeorm") {
    symlinkSync(modules, join(dir, "node_modules"), "dir");
    return;
  }
  mkdirSync(join(dir, "node_modules"));
  for (const entry of readdirSync(modules)) {
    const target = entry === "typeorm" ? typeorm : entry;
    symlinkSync(join(modules, target), join(dir, "node_modules", entry), "dir");
  }
}
