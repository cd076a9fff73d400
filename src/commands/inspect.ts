import { history as graphHistory, type LoadedRevision } from "../revisions";
import { readHeads } from "../runner/version-store";
import { loadGraph, type MigrationGraph } from "./migration-graph";
import { withWorkspace, type CommandContext } from "./workspace";

export interface ListOptions {
  readonly verbose?: boolean;
  readonly json?: boolean;
}

function describe(graph: MigrationGraph, r: LoadedRevision, verbose: boolean): string {
  const tags = [
    graph.heads.includes(r.revision) ? "head" : null,
    r.downRevisions.length > 1 ? "mergepoint" : null,
    graph.children(r.revision).length > 1 ? "branchpoint" : null,
    ...r.branchLabels,
  ].filter(Boolean);
  const from = r.downRevisions.length === 0 ? "<base>" : r.downRevisions.join(", ");
  const line = `${from} -> ${r.revision}${tags.length ? ` (${tags.join(") (")})` : ""}, ${r.message}`;
  if (!verbose) return line;
  return [
    `Rev: ${r.revision}${tags.length ? ` (${tags.join(") (")})` : ""}`,
    `Parent: ${from}`,
    `Path: ${r.file}`,
    ...(r.createdAt ? [`Created: ${r.createdAt}`] : []),
    "",
    `    ${r.message}`,
    "",
  ].join("\n");
}

const asJson = (r: LoadedRevision) => ({
  revision: r.revision,
  downRevisions: r.downRevisions,
  branchLabels: r.branchLabels,
  dependsOn: r.dependsOn,
  message: r.message,
  file: r.file,
});

/** `history [-r RANGE]`: revisions newest first. */
export async function history(ctx: CommandContext, options: ListOptions & { range?: string }) {
  return withWorkspace(ctx, async (ws) => {
    const graph = await loadGraph(ws, true);
    const list = graphHistory(graph, options.range);
    if (options.json) ctx.out.data(JSON.stringify(list.map(asJson), null, 2));
    else for (const r of list) ctx.out.data(describe(graph, r, !!options.verbose));
    return list.map((r) => r.revision);
  });
}

/** `heads`: the revisions nothing builds on. */
export async function heads(ctx: CommandContext, options: ListOptions = {}) {
  return withWorkspace(ctx, async (ws) => {
    const graph = await loadGraph(ws, true);
    const list = graph.heads.map((id) => graph.get(id));
    if (options.json) ctx.out.data(JSON.stringify(list.map(asJson), null, 2));
    else
      for (const r of list)
        ctx.out.data(options.verbose ? describe(graph, r, true) : `${r.revision} (head)`);
    return list.map((r) => r.revision);
  });
}

/** `current`: the revisions the database is at, read from the version table. */
export async function current(ctx: CommandContext, options: ListOptions = {}) {
  return withWorkspace(ctx, (ws) =>
    ws.withClient(async (client) => {
      const graph = await loadGraph(ws, true);
      const rows = await readHeads(client, ws.options.versionTable);
      if (options.json) ctx.out.data(JSON.stringify(rows));
      else if (rows.length === 0)
        ctx.out.info(`The database at ${ws.databaseDescription} is at base.`);
      for (const id of options.json ? [] : rows) {
        const known = graph.has(id) ? graph.get(id) : null;
        if (!known) ctx.out.data(`${id} (not in ${ws.options.migrationsDir})`);
        else if (options.verbose) ctx.out.data(describe(graph, known, true));
        else ctx.out.data(`${id}${graph.heads.includes(id) ? " (head)" : ""}`);
      }
      return rows;
    }),
  );
}
