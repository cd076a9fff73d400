import { postgres } from "../dialect/postgres";
import { reviewBothWays } from "../autogen/hazard-review";
import { reverseOperations } from "../ops/reverse";
import type { Operation } from "../ops/operations";
import { planUpgrade } from "../revisions";
import { readHeads } from "../runner/version-store";
import { compareEntities } from "../autogen/compare-entities";
import { checkIntegrity, loadGraph } from "./migration-graph";
import { withWorkspace } from "./workspace";
import type { CommandContext } from "./command-context";

export interface CheckResult {
  /** True when the database is at head and matches the entities. */
  readonly clean: boolean;
  /** Migrations not yet applied. */
  readonly pending: readonly string[];
  /** What a new revision would contain. */
  readonly operations: readonly Operation[];
}

/**
 * `check`, the CI drift gate: clean only when every migration is applied and the entities
 * match the database. Pending migrations are reported before any diff, since a diff against
 * an old schema would only repeat them.
 */
export async function check(
  ctx: CommandContext,
  options: { strict?: boolean } = {},
): Promise<CheckResult> {
  return withWorkspace(ctx, (ws) =>
    ws.withClient(async (client) => {
      const graph = await loadGraph(ws, true, { headersOnly: true });
      const heads = await readHeads(client, ws.options.versionTable, ws.dialect);
      await checkIntegrity(ws, client, graph, heads, options.strict);
      const pending = planUpgrade(graph, heads, "heads").map((s) => s.revision.revision);
      if (pending.length > 0) {
        ctx.out.info(
          `The database at ${ws.databaseDescription} is not up to date: ${pending.length} migration(s) pending (${pending.join(", ")}).`,
        );
        return { clean: false, pending, operations: [] };
      }
      const { operations } = await compareEntities(ws.config.dataSource, client, {
        ...ws.options,
        dialect: ws.dialect,
      });
      if (operations.length === 0) {
        ctx.out.info("No changes detected: the entities and the database match.");
        return { clean: true, pending, operations };
      }
      ctx.out.info(`The entities and the database differ (${operations.length} operation(s)):`);
      const review = await reviewBothWays(
        client,
        operations,
        reverseOperations(operations),
        ws.dialect === postgres,
      );
      for (const line of review) ctx.out.info(`  ${line}`);
      ctx.out.info("Run `autogen revision -m <message>` to write a migration.");
      return { clean: false, pending, operations };
    }),
  );
}

export { diff } from "./diff";
