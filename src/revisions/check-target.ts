import type { RevisionGraph } from "./revision-graph";
import { resolveSymbol } from "./resolve-symbol";
import { resolveTarget } from "./resolve-target";
import { parseTarget } from "./target-syntax";

/**
 * Checks a target against the revision graph alone: its syntax (a usage error), and whatever
 * it names without the database: every revision, partial id and branch label, and, for the
 * forms that do not depend on the database's heads, the whole resolution (`head` with several
 * heads, a walk past the head). Commands call it after loading the files and before
 * connecting, so a typo never costs a connection, the migration lock or a version table.
 *
 * @example checkTarget(graph, "he ad!"); // throws UsageError: 'he ad!' is not a revision target
 */
export function checkTarget(graph: RevisionGraph, target: string): void {
  const syntax = parseTarget(target);
  if (syntax.kind === "current") return;
  if (syntax.kind === "relative" && syntax.from === undefined) {
    // `+N`, `-N`, `label@+N`: only the label can be checked before the heads are read.
    if (syntax.branch !== undefined) resolveSymbol(graph, syntax.branch);
    return;
  }
  resolveTarget(graph, target);
}
