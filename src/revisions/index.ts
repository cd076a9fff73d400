/** The revision graph: migration files as a DAG, target resolution and upgrade/downgrade plans. */
export type { RevisionInfo, LoadedRevision, MigrationFunction } from "./revision-info";
export { RevisionGraph } from "./revision-graph";
export {
  AmbiguousRevisionError,
  InvalidRevisionGraphError,
  MultipleHeadsError,
  UnknownRevisionError,
} from "./revision-errors";
export { parseTarget, parseRange, type TargetSyntax, type TargetRange } from "./target-syntax";
export type { Destination } from "./destination";
export { resolveTarget, headsAt } from "./resolve-target";
export { resolveSymbol } from "./resolve-symbol";
export { checkTarget } from "./check-target";
export type { PlanStep, VersionChange } from "./plan-step";
export { planUpgrade } from "./plan-upgrade";
export { planDowngrade } from "./plan-downgrade";
export { planStamp, type StampPlan } from "./plan-stamp";
export { history } from "./history";
export { newRevisionId } from "./new-revision-id";
