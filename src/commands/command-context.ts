import type { Output } from "./output";

/** What every command receives: where the config is, where to write, the environment. */
export interface CommandContext {
  readonly configPath?: string;
  /** Which exported DataSource to use when the config file exports several. */
  readonly dataSourceName?: string;
  readonly cwd?: string;
  readonly out: Output;
  readonly env?: NodeJS.ProcessEnv;
}
