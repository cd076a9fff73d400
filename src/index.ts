/**
 * typeorm-autogen's public API: what migration files import (`MigrationContext`), what a
 * config exports (`AutogenOptions`), and the commands as plain functions for programmatic use.
 */
export * from "./api";
export type { AutogenOptions, TransactionMode } from "./config/options";
export * from "./errors";
export type * from "./schema/model";
export type * from "./ops/operations";
