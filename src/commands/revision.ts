import { mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { RevisionError, UsageError } from "../errors";
import { formatReview, reviewOperations } from "../lint/review";
import { reverseOperations } from "../ops/reverse";
import type { Operation } from "../ops/operations";
import { renderMigration } from "../render";
import { newRevisionId, resolveSymbol } from "../revisions";
import { readHeads } from "../runner/version-store";
import { compareWithDatabase } from "./compare-database";
import { loadGraph, type MigrationGraph } from "./migration-graph";
import { withWorkspace, type CommandContext, type Workspace } from "./workspace";

export interface RevisionOptions {
  readonly message: string;
  /** Write a file with empty `upgrade`/`downgrade` (data migrations); no database needed. */
  readonly empty?: boolean;
  /** The revision to build on when the graph has several heads. */
  readonly head?: string;
  /** Use this id instead of a random one. */
  readonly revId?: string;
  /** The time written in the header; tests pin it. */
  readonly now?: Date;
}

export interface RevisionResult {
  /** The written file, or null when nothing changed. */
  readonly file: string | null;
  readonly revision: string | null;
  readonly operations: readonly Operation[];
}

/** File name: the id and the message made filesystem-safe, like Alembic's `<rev>_<slug>.py`. */
export function fileNameFor(revision: string, message: string): string {
  const slug = message
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 40)
    .replace(/_+$/, "");
  return `${revision}${slug ? `_${slug}` : ""}.ts`;
}

function parentOf(graph: MigrationGraph, head: string | undefined): string | null {
  if (head !== undefined) return resolveSymbol(graph, head);
  const heads = graph.heads;
  if (heads.length > 1) {
    throw new RevisionError(
      `the migrations have several heads (${heads.join(", ")})`,
      "merge them with `autogen merge`, or pick one with `--head REV`",
    );
  }
  return heads[0] ?? null;
}

async function autogenerate(ws: Workspace, parent: string | null): Promise<readonly Operation[]> {
  return ws.withClient(async (client) => {
    const heads = await readHeads(client, ws.options.versionTable);
    const upToDate = parent === null ? heads.length === 0 : heads.includes(parent);
    if (!upToDate) {
      throw new RevisionError(
        `the database at ${ws.databaseDescription} is not up to date (it is at ${heads.join(", ") || "base"}, the migrations at ${parent ?? "base"})`,
        "run `autogen upgrade` first, so the new migration is compared with the right schema",
      );
    }
    return (await compareWithDatabase(ws, client)).operations;
  });
}

/**
 * `revision -m MSG`: compares the entities with the database (which must be at head) and
 * writes the difference as a migration file whose `downgrade` reverses its `upgrade`.
 */
export async function revision(
  ctx: CommandContext,
  options: RevisionOptions,
): Promise<RevisionResult> {
  if (options.revId !== undefined && !/^\w+$/.test(options.revId)) {
    throw new UsageError(
      `--rev-id must be letters, digits or underscores, not '${options.revId}'.`,
    );
  }
  return withWorkspace(ctx, async (ws) => {
    const graph = await loadGraph(ws, true);
    const parent = parentOf(graph, options.head);
    const id = options.revId ?? newRevisionId();
    if (graph.has(id)) throw new UsageError(`revision ${id} already exists.`);
    const upgradeOps = options.empty ? [] : await autogenerate(ws, parent);
    if (!options.empty && upgradeOps.length === 0) {
      ctx.out.info("No changes detected: the entities and the database match.");
      return { file: null, revision: null, operations: [] };
    }
    const text = renderMigration({
      message: options.message,
      revision: id,
      downRevision: parent,
      createdAt: options.now ?? new Date(),
      review: formatReview(reviewOperations(upgradeOps)),
      upgrade: upgradeOps,
      downgrade: reverseOperations(upgradeOps),
    });
    mkdirSync(ws.options.migrationsDir, { recursive: true });
    const file = join(ws.options.migrationsDir, fileNameFor(id, options.message));
    writeFileSync(file, text, { flag: "wx" });
    ctx.out.data(relative(ws.cwd, file));
    for (const line of formatReview(reviewOperations(upgradeOps))) {
      if (line.startsWith("WARNING")) ctx.out.warn(line.slice("WARNING: ".length));
    }
    return { file, revision: id, operations: upgradeOps };
  });
}
