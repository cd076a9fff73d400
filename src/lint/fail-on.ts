import { UsageError } from "../errors";
import type { HazardKind } from "../ops/hazards";
import type { DiffSummary } from "./diff-summary";

/** The names `diff --fail-on` takes, for CI scripts: short, kebab-case. */
export const FAIL_ON_KINDS: { readonly [name: string]: HazardKind } = {
  destructive: "deletesData",
  rewrite: "rewritesTable",
  lock: "accessExclusiveLock",
  "blocks-writes": "blocksWrites",
  "validates-rows": "validatesRows",
  "fails-on-rows": "failsOnRows",
  "fails-if-in-use": "failsIfInUse",
  "breaks-code": "breaksRunningCode",
  "hand-written": "handWritten",
  irreversible: "irreversible",
};

/** `--fail-on destructive,rewrite` -> hazard kinds; an unknown name is a usage error. */
export function parseFailOn(values: readonly string[]): HazardKind[] {
  const names = values
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
  return names.map((name) => {
    const kind = Object.hasOwn(FAIL_ON_KINDS, name) ? FAIL_ON_KINDS[name] : undefined;
    if (kind === undefined) {
      throw new UsageError(
        `--fail-on: unknown hazard "${name}".`,
        `use one or more of ${Object.keys(FAIL_ON_KINDS).join(", ")}, separated by commas`,
      );
    }
    return kind;
  });
}

/**
 * What trips the gate: the upgrade's hazards of the named kinds (the downgrade's are left out,
 * or every new table would fail as "destructive"), and an operation that cannot be reversed
 * when `irreversible` is named.
 */
export function failOnFindings(summary: DiffSummary, kinds: readonly HazardKind[]): string[] {
  const wanted = new Set(kinds);
  const found = summary.hazards.upgrade.filter((h) => wanted.has(h.kind)).map((h) => h.text);
  if (wanted.has("irreversible") && !found.some((t) => t.startsWith("cannot be reversed"))) {
    found.push(
      ...summary.operations
        .filter((op) => !op.reversible)
        .map((op) => `cannot be reversed: ${op.description}`),
    );
  }
  return found;
}
