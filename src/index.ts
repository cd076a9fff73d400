/**
 * typeorm-autogen's public API: what migration files import (`MigrationContext`), what a
 * config exports (`AutogenOptions`), and the commands as plain async functions for scripts
 * and tests (each takes a `CommandContext`: the config path and where to write output).
 *
 * @example
 * import { upgrade, recordingOutput } from "typeorm-autogen";
 * await upgrade({ configPath: "ormconfig.ts", out: recordingOutput() }, { target: "head" });
 */
export * from "./api";
export type { AutogenOptions, TransactionMode } from "./config/options";
export * from "./errors";
export type * from "./schema/model";
export type * from "./ops/operations";
export { init } from "./commands/init";
export { revision, type RevisionOptions, type RevisionResult } from "./commands/revision";
export {
  upgrade,
  downgrade,
  type MigrateOptions,
  type MigrateResult,
  type MigratedStep,
} from "./commands/migrate";
export {
  upgradeEach,
  checkEach,
  type FleetEntry,
  type FleetOptions,
  type FleetStatus,
} from "./commands/fleet";
export { readFleetTargets, type FleetTarget } from "./config/fleet-targets";
export { check, diff, type CheckResult } from "./commands/check";
export { current, heads, history } from "./commands/inspect";
export { consoleOutput, recordingOutput, silentOutput, type Output } from "./commands/output";
export type { CommandContext } from "./commands/command-context";
