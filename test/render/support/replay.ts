import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createMigrationOperations } from "../../../src/api";
import type { MigrationContext } from "../../../src/api";
import { loadModule } from "../../../src/loader/typescript-loader";
import type { Operation } from "../../../src/ops/operations";

type MigrationFunction = (context: MigrationContext) => Promise<void>;

/** What a rendered migration file gives back when it is loaded and both functions are run. */
export interface Replayed {
  readonly module: Record<string, unknown>;
  readonly upgrade: Operation[];
  readonly downgrade: Operation[];
}

/** A temporary folder of migration files, loaded the way the runner loads them. */
export class MigrationFolder {
  readonly dir = mkdtempSync(join(tmpdir(), "autogen-render-"));
  private count = 0;

  /** Writes `text` under a fresh name (modules are cached by path) and returns the path. */
  write(text: string): string {
    const file = join(this.dir, `m${String(this.count++).padStart(4, "0")}.ts`);
    writeFileSync(file, text);
    return file;
  }

  async replay(text: string): Promise<Replayed> {
    const module = loadModule(this.write(text));
    const run = async (name: string): Promise<Operation[]> => {
      const recorded: Operation[] = [];
      const fn = module[name] as MigrationFunction;
      await fn({ op: createMigrationOperations(async (op) => void recorded.push(op)) });
      return recorded;
    };
    return { module, upgrade: await run("upgrade"), downgrade: await run("downgrade") };
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** An operation as a file can carry it: drop operations lose the dropped definition. */
export function withoutPrevious(op: Operation): Operation {
  if (!("previous" in op)) return op;
  const { previous: _previous, ...rest } = op;
  return rest as Operation;
}
