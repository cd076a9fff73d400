import type { Client } from "pg";
import { compareEntities } from "../autogen/compare-entities";
import { postgres } from "../dialect/postgres";
import { compareSchemas } from "../diff";
import { AutogenError, UsageError } from "../errors";
import { introspectDatabase, readUserSchemas } from "../introspect";
import { reviewOperations } from "../lint/review";
import {
  checkTarget,
  headsAt,
  parseRange,
  parseTarget,
  planUpgrade,
  type LoadedRevision,
  type PlanStep,
} from "../revisions";
import { liveExecutor } from "../runner/executor";
import { runSteps } from "../runner/run-steps";
import { ensureVersionTable, readHeads } from "../runner/version-store";
import type { DatabaseSchema } from "../schema/model";
import { firstDifference } from "./first-difference";
import { loadGraph, toMigrationStep, type MigrationGraph } from "./migration-graph";
import { withWorkspace, type CommandContext, type Workspace } from "./workspace";

export interface VerifyOptions {
  /** `FROM:TO`; without it, the migrations the configured database has not applied. */
  readonly range?: string;
  /** A database to verify on, used as it is (it must hold no migrations yet). */
  readonly scratchUrl?: string;
}

export interface VerifyResult {
  /** Revisions that went up, down and up again, in order. */
  readonly verified: readonly string[];
}

const fail = (message: string, hint?: string) => new AutogenError("verify-failed", message, hint);

/** The downgrade that undoes one upgrade step, leaving the version table as it was. */
const mirror = (step: PlanStep<LoadedRevision>, before: readonly string[]) => ({
  direction: "downgrade" as const,
  revision: step.revision,
  version: { delete: step.version.insert, insert: step.version.delete },
  headsAfter: [...before].sort(),
});

/**
 * `verify`: proves, on a scratch database, that each migration round-trips. The scratch is
 * brought to the base; then each migration is upgraded, downgraded (the catalog must be what
 * it was before its upgrade) and upgraded again; at the end, when the range reaches the heads,
 * the entities must match (the re-diff is empty). The first difference fails it (exit 1).
 */
export async function verify(
  ctx: CommandContext,
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  const range = options.range === undefined ? undefined : parseRange(options.range);
  if (options.range !== undefined && !range) {
    throw new UsageError(
      `verify takes a FROM:TO range (for example base:head), not '${options.range}'.`,
    );
  }
  const ends = [range?.from, range?.to].filter((e): e is string => e !== undefined);
  for (const end of ends) parseTarget(end);
  return withWorkspace(ctx, async (ws) => {
    const graph = await loadGraph(ws);
    for (const end of ends) checkTarget(graph, end);
    const table = ws.options.versionTable;
    const base = range
      ? headsAt(graph, range.from ?? "base")
      : await ws.withClient((client) => readHeads(client, table));
    const to = range?.to ?? "heads";
    const steps = planUpgrade(graph, base, to);
    if (steps.length === 0) {
      ctx.out.info(
        `Nothing to verify: no migration between ${base.join(", ") || "base"} and ${to}.`,
      );
      return { verified: [] };
    }
    return ws.withScratchClient(options.scratchUrl, async (client, where) => {
      ctx.out.info(`Verifying ${steps.length} migration(s) on ${where}.`);
      await ensureVersionTable(client, table);
      if ((await readHeads(client, table)).length > 0) {
        throw new UsageError(
          `${where} already has migrations applied; verify needs an empty database.`,
          "pass the URL of an empty database to --scratch-url, or leave it out for a throwaway one",
        );
      }
      await toBase(ws, client, graph, base);
      for (const step of steps) await roundTrip(ws, client, step);
      if (to === "heads" || to === "head") await reDiff(ws, client, where);
      ctx.out.info(
        `Verified: each migration upgrades, downgrades to the schema it started from and upgrades again${to === "heads" || to === "head" ? "; the entities match the result" : ""}.`,
      );
      return { verified: steps.map((s) => s.revision.revision) };
    });
  });
}

const run = (ws: Workspace, client: Client, steps: readonly PlanStep<LoadedRevision>[]) =>
  runSteps(
    liveExecutor(client),
    steps.map((s) => toMigrationStep(s, ws.cwd)),
    { versionTable: ws.options.versionTable, transactionMode: ws.options.transactionMode },
  );

/** Applies what comes before the range, head by head (several when the base is branched). */
async function toBase(
  ws: Workspace,
  client: Client,
  graph: MigrationGraph,
  base: readonly string[],
) {
  for (const head of base) {
    await run(
      ws,
      client,
      planUpgrade(graph, await readHeads(client, ws.options.versionTable), head),
    );
  }
}

/** The catalog as the comparison sees it: every user schema, the version tables left out. */
async function snapshot(ws: Workspace, client: Client): Promise<DatabaseSchema> {
  const table = ws.options.versionTable;
  return introspectDatabase(client, {
    schemas: await readUserSchemas(client),
    excludeTables: [table, postgres.session.historyTable(table)],
  });
}

async function roundTrip(ws: Workspace, client: Client, step: PlanStep<LoadedRevision>) {
  const r = step.revision;
  const name = `${r.revision} (${toMigrationStep(step, ws.cwd).file})`;
  const heads = await readHeads(client, ws.options.versionTable);
  const before = await snapshot(ws, client);
  await run(ws, client, [step]);
  await run(ws, client, [mirror(step, heads)]);
  const after = await snapshot(ws, client);
  const back = compareSchemas(after, before, postgres.expressions);
  const difference =
    back.length > 0
      ? `getting back to it would still take: ${reviewOperations(back)[0]?.text ?? back[0]?.kind}`
      : firstDifference(before, after);
  if (difference !== null) {
    throw fail(
      `the downgrade of ${name} does not restore the schema it started from: ${difference}.`,
      "fix the migration's downgrade() so it undoes exactly what upgrade() does",
    );
  }
  await run(ws, client, [step]);
  ws.context.out.info(
    `  ${[r.revision, r.message].filter(Boolean).join(" ")}: upgrade, downgrade, upgrade again: ok`,
  );
}

async function reDiff(ws: Workspace, client: Client, where: string) {
  const { operations } = await compareEntities(ws.config.dataSource, client, ws.options);
  if (operations.length === 0) return;
  const first = reviewOperations(operations)[0]?.text ?? operations[0]?.kind;
  throw fail(
    `after every migration ran on ${where}, the entities still differ from the database (${operations.length} operation(s)), first: ${first}.`,
    "run `autogen revision` for the missing change, or fix the migration that should make it",
  );
}
