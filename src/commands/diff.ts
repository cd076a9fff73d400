import type { ClientBase } from "pg";
import { compareEntities } from "../autogen/compare-entities";
import { reviewBothWays } from "../autogen/hazard-review";
import { renameFlag } from "../config/rename-hints";
import { renameShape } from "../diff/renames";
import { postgres } from "../dialect/postgres";
import { readRowEstimates } from "../introspect";
import { summarizeDiff, type DiffSummary } from "../lint/diff-summary";
import { failOnFindings } from "../lint/fail-on";
import { summaryMarkdown } from "../lint/summary-markdown";
import { hazardsOf, type HazardKind } from "../ops/hazards";
import type { Operation } from "../ops/operations";
import { reverseOperations } from "../ops/reverse";
import { tableLocksOf } from "../ops/table-locks";
import { refKey } from "../schema/keys";
import type { TableRef } from "../schema/model";
import type { CommandContext } from "./command-context";
import { withWorkspace } from "./workspace";

import type { DiffFormat } from "./diff-formats";
export { DIFF_FORMATS, type DiffFormat } from "./diff-formats";

export interface DiffOptions {
  /** The operations as JSON, each with its `hazards` (the older `--json`, kept for scripts). */
  readonly json?: boolean;
  /** text (review and SQL, the default), markdown (a PR comment), json (the summary), sql. */
  readonly format?: DiffFormat;
  /** Hazard kinds of the upgrade that make the result `failed` (the CI gate). */
  readonly failOn?: readonly HazardKind[];
}

export interface DiffResult {
  readonly operations: readonly Operation[];
  readonly summary: DiffSummary;
  /** The `failOn` hazards found, as phrases; empty when the gate passes. */
  readonly failures: readonly string[];
}

/** The tables whose rows the summary reports: the ones locked or put at risk either way. */
function tablesOf(upgrade: readonly Operation[], downgrade: readonly Operation[]): TableRef[] {
  const tables = new Map<string, TableRef>();
  for (const op of [...upgrade, ...downgrade]) {
    for (const h of hazardsOf(op)) if (h.table) tables.set(refKey(h.table), h.table);
    for (const l of tableLocksOf(op)) tables.set(refKey(l.table), l.table);
  }
  return [...tables.values()];
}

/** `diff`: what `revision` would generate, summarised or as SQL; writes nothing. */
export async function diff(ctx: CommandContext, options: DiffOptions = {}): Promise<DiffResult> {
  return withWorkspace(ctx, (ws) =>
    ws.withClient(async (client) => {
      const { operations, renames } = await compareEntities(ws.config.dataSource, client, {
        ...ws.options,
        dialect: ws.dialect,
      });
      const downgrade = reverseOperations(operations);
      const tables = tablesOf(operations, downgrade);
      const rows =
        ws.dialect === postgres
          ? await readRowEstimates(
              client as unknown as ClientBase,
              tables,
              postgres.quote.qualified,
            )
          : new Map<string, number>();
      const sql = ws.dialect.compile.operations(operations);
      const summary = summarizeDiff({
        upgrade: operations,
        downgrade,
        rows,
        sql,
        decided: renames.applied.map(renameShape),
        undecided: renames.undecided,
        flagOf: renameFlag,
      });
      const failures = failOnFindings(summary, options.failOn ?? []);
      const format = options.json ? "operations" : (options.format ?? "text");
      if (format === "operations") {
        const withHazards = operations.map((op) => ({ ...op, hazards: hazardsOf(op) }));
        ctx.out.data(JSON.stringify(withHazards, null, 2));
      } else if (format === "json") ctx.out.data(JSON.stringify(summary, null, 2));
      else if (format === "markdown") ctx.out.data(summaryMarkdown(summary));
      else if (format === "sql") for (const q of sql) ctx.out.data(`${q};`);
      else {
        if (operations.length === 0)
          ctx.out.info("No changes detected: the entities and the database match.");
        const review = await reviewBothWays(client, operations, downgrade, ws.dialect === postgres);
        for (const line of review) ctx.out.data(`-- ${line}`);
        for (const pair of renames.undecided) {
          ctx.out.data(`-- possibly a rename: ${pair.from} -> ${pair.to} (${renameFlag(pair)})`);
        }
        for (const q of sql) ctx.out.data(`${q};`);
      }
      return { operations, summary, failures };
    }),
  );
}
