import { LoadError } from "../errors";
import { displayPath } from "../revisions/revision-errors";
import type { MigrationFunction } from "../revisions/revision-info";

/** The exports a migration file must (or may) have, checked and normalised. */
export interface MigrationExports {
  readonly revision: string;
  readonly downRevisions: readonly string[];
  readonly branchLabels: readonly string[];
  readonly dependsOn: readonly string[];
  readonly upgrade: MigrationFunction;
  readonly downgrade: MigrationFunction;
  readonly transaction?: boolean;
}

/**
 * Checks a loaded migration module's exports. Every problem is listed in one LoadError
 * naming the file, so a hand-edited file is fixed in one go.
 */
export function readMigrationExports(
  file: string,
  module: Record<string, unknown>,
): MigrationExports {
  const problems: string[] = [];
  const { revision, downRevision, upgrade, downgrade, transaction } = module;

  if (typeof revision !== "string" || revision === "") {
    problems.push(`${expected("revision", "a non-empty string")}, ${got(revision)}`);
  }
  if (!("downRevision" in module)) {
    problems.push("'downRevision' is not exported (export null for a first revision)");
  }
  const downRevisions = idList(problems, "downRevision", downRevision, false);
  const branchLabels = idList(problems, "branchLabels", module.branchLabels, true);
  const dependsOn = idList(problems, "dependsOn", module.dependsOn, true);
  for (const [name, value] of [
    ["upgrade", upgrade],
    ["downgrade", downgrade],
  ] as const) {
    if (typeof value !== "function")
      problems.push(`${expected(name, "a function")}, ${got(value)}`);
  }
  if (transaction !== undefined && typeof transaction !== "boolean") {
    problems.push(`${expected("transaction", "true or false")}, ${got(transaction)}`);
  }

  if (problems.length > 0) {
    const hint =
      "default" in module && Object.keys(module).length <= 2
        ? " (the fields are read from named exports, not from a default export)"
        : "";
    throw new LoadError(
      file,
      `${displayPath(file)} is not a valid migration: ${problems.join("; ")}${hint}`,
    );
  }
  return {
    revision: revision as string,
    downRevisions,
    branchLabels,
    dependsOn,
    upgrade: upgrade as MigrationFunction,
    downgrade: downgrade as MigrationFunction,
    ...(transaction === undefined ? {} : { transaction: transaction as boolean }),
  };
}

/** null | string | string[] -> string[]; `optional` also allows the export to be absent. */
function idList(problems: string[], name: string, value: unknown, optional: boolean): string[] {
  if (value === null || (optional && value === undefined)) return [];
  if (typeof value === "string" && value !== "") return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === "string" && item !== "")) {
    return value as string[];
  }
  if (value !== undefined || optional) {
    problems.push(
      `${expected(name, "null, a non-empty string or an array of them")}, ${got(value)}`,
    );
  }
  return [];
}

function expected(name: string, what: string): string {
  return `'${name}' must be ${what}`;
}

function got(value: unknown): string {
  if (value === undefined) return "but it is not exported";
  if (value === null) return "got null";
  if (Array.isArray(value)) return `got ${JSON.stringify(value)}`;
  if (typeof value === "string") return `got ${JSON.stringify(value)}`;
  if (typeof value === "function") return "got a function";
  if (typeof value === "object") return "got an object";
  return `got ${typeof value} ${String(value)}`;
}
