import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { current, type ListOptions } from "../../../src/commands/inspect";
import { downgrade, upgrade, type MigrateOptions } from "../../../src/commands/migrate";
import { recordingOutput } from "../../../src/commands/output";
import type { CommandContext } from "../../../src/commands/workspace";
import { tempProject } from "../../support/cli";
import { migrationFile, type MigrationSpec } from "./migration-file";

const CONFIG = (autogen: Record<string, unknown>) => `import "reflect-metadata";
import { DataSource } from "typeorm";

export default new DataSource({ type: "postgres", entities: [] });
export const autogen = ${JSON.stringify(autogen)};
`;

/** The outcome of a command run in-process: what it returned or threw, and what it printed. */
export interface Outcome<T> {
  readonly result?: T;
  readonly error?: Error;
  readonly output: string;
}

/**
 * A project without entities whose migrations are written by the test, and whose commands
 * run in this process (the real binary is exercised by test/e2e/runner-*.test.ts).
 */
export class RunnerProject {
  readonly dir: string;
  private readonly temp: { dir: string; remove(): void };

  constructor(
    private readonly databaseUrl: string,
    options: Record<string, unknown> = {},
  ) {
    this.temp = tempProject();
    this.dir = this.temp.dir;
    this.configure(options);
    mkdirSync(join(this.dir, "migrations"));
  }

  configure(options: Record<string, unknown>): void {
    this.write("ormconfig.ts", CONFIG(options));
  }

  write(path: string, text: string): void {
    const file = join(this.dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }

  /** Writes `migrations/<revision>_step.ts`; returns its path relative to the project. */
  migration(spec: MigrationSpec): string {
    const path = `migrations/${spec.revision}_step.ts`;
    this.write(path, migrationFile(spec));
    return path;
  }

  removeFile(path: string): void {
    rmSync(join(this.dir, path));
  }

  upgrade(options: Partial<MigrateOptions> = {}) {
    return this.run((ctx) => upgrade(ctx, { target: "head", ...options }));
  }

  downgrade(target: string, options: Partial<MigrateOptions> = {}) {
    return this.run((ctx) => downgrade(ctx, { target, ...options }));
  }

  current(options: ListOptions & { strict?: boolean } = {}) {
    return this.run((ctx) => current(ctx, options));
  }

  async run<T>(command: (ctx: CommandContext) => Promise<T>): Promise<Outcome<T>> {
    const out = recordingOutput();
    const ctx: CommandContext = {
      cwd: this.dir,
      out,
      env: { DATABASE_URL: this.databaseUrl },
    };
    try {
      return { result: await command(ctx), output: out.text() };
    } catch (error) {
      return { error: error as Error, output: out.text() };
    }
  }

  remove(): void {
    this.temp.remove();
  }
}
