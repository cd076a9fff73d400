/** The formats `diff` prints; apart from commands/diff.ts so the CLI can list them unloaded. */
export type DiffFormat = "text" | "markdown" | "json" | "sql";
export const DIFF_FORMATS: readonly DiffFormat[] = ["text", "markdown", "json", "sql"];
