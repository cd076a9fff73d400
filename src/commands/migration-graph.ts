import type { SqlClient as Client } from "../dialect/dialect";
import { existsSync } from "node:fs";
import { relative } from "node:path";
import { verifyIntegrity, type IntegrityProblem } from "../runner/integrity";
import { loadRevisions, type LoadOptions } from "../migration-files";
import { RevisionGraph, type LoadedRevision, type PlanStep } from "../revisions";
import type { MigrationStep } from "../runner/run-steps";
import type { MigrationContext } from "../api";
import type { Workspace } from "./workspace";

export type MigrationGraph = RevisionGraph<LoadedRevision>;

/**
 * The project's migrations as a revision graph. A missing folder is an empty graph when
 * `allowMissing` (a project with no migrations yet), an error naming it otherwise. Commands
 * that never run a migration pass `headersOnly` (see LoadOptions).
 */
export async function loadGraph(
  ws: Workspace,
  allowMissing = false,
  options: LoadOptions = {},
): Promise<MigrationGraph> {
  const dir = ws.options.migrationsDir;
  if (allowMissing && !existsSync(dir)) return RevisionGraph.from<LoadedRevision>([]);
  return RevisionGraph.from(await loadRevisions(dir, options));
}

/** A plan step as the runner takes it: the function to call and the version-table change. */
export function toMigrationStep(step: PlanStep<LoadedRevision>, cwd: string): MigrationStep {
  const r = step.revision;
  const fn = step.direction === "upgrade" ? r.upgrade : r.downgrade;
  return {
    revision: r.revision,
    message: r.message,
    file: relative(cwd, r.file) || r.file,
    direction: step.direction,
    run: async (context: MigrationContext) => void (await fn(context)),
    transactional: r.transaction !== false,
    removeHeads: step.version.delete,
    addHeads: step.version.insert,
    hash: r.hash,
    headsAfter: step.headsAfter,
  };
}

/**
 * Warns, or with `strict` fails, when an applied migration's file changed or is gone: the
 * check `upgrade`, `downgrade`, `current` and `check` all run before doing anything else.
 */
export function checkIntegrity(
  ws: Workspace,
  client: Client,
  graph: MigrationGraph,
  heads: readonly string[],
  strict: boolean | undefined,
): Promise<IntegrityProblem[]> {
  return verifyIntegrity(
    client,
    ws.options.versionTable,
    graph,
    heads,
    {
      strict: !!strict,
      warn: (line) => ws.context.out.warn(line),
      shown: (file) => relative(ws.cwd, file) || file,
    },
    ws.dialect,
  );
}
