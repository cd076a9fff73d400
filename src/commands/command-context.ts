import type { DataSource } from "typeorm";
import type { AutogenOptions } from "../config/options";
import type { Output } from "./output";

/** What every command receives: where the config is, where to write, the environment. */
export interface CommandContext {
  readonly configPath?: string;
  /** Which exported DataSource to use when the config file exports several. */
  readonly dataSourceName?: string;
  readonly cwd?: string;
  readonly out: Output;
  readonly env?: NodeJS.ProcessEnv;
  /**
   * Asks the person at the terminal a yes/no question; absent when nobody can answer (no
   * TTY, CI), and then commands that would ask take the documented non-interactive path.
   */
  readonly confirm?: (question: string) => Promise<boolean>;
  /**
   * The application's own DataSource, used instead of a config file (`configPath` is then
   * ignored); `options` are the autogen options the config's `autogen` export would hold,
   * with paths relative to `cwd`.
   */
  readonly dataSource?: DataSource;
  readonly options?: AutogenOptions;
  /**
   * Stops a run between migrations: the one running finishes (or rolls back), none after it
   * starts, and the command rejects with an AutogenError of code "aborted".
   */
  readonly signal?: AbortSignal;
}
