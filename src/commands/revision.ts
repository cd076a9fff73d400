import type { ClientBase } from "pg";
import { postgres } from "../dialect/postgres";
import { isNotNullCheck } from "../dialect/postgres/expressions";
import { readRowEstimates } from "../introspect";
import { plannedTables, planForRows } from "../ops/plans-for-rows";
import { RevisionError, UsageError } from "../errors";
import { reviewBothWays } from "../autogen/hazard-review";
import { reverseOperations } from "../ops/reverse";
import { runsOutsideTransaction, type Operation } from "../ops/operations";
import { newRevisionId, planUpgrade, resolveSymbol, resolveTarget } from "../revisions";
import { readHeads } from "../runner/version-store";
import { NO_RENAME_HINTS, type RenameHints } from "../diff/renames";
import { decideRenames } from "./rename-decisions";
import { loadGraph, type MigrationGraph } from "./migration-graph";
import { checkNewRevision, migrationPath, writeMigration } from "./write-migration";
import { withFolderLock } from "./folder-lock";
import { warnUnmanagedDrops } from "./unmanaged-warning";
import { withWorkspace, type Workspace } from "./workspace";
import { prepareRenderer, sizeRenderer } from "../render";
import { countEntities } from "../metadata";
import { checkFormat, typeOrmMigrationsDir, writeTypeOrmMigration } from "./typeorm-format";
import type { CommandContext } from "./command-context";

export { fileNameFor } from "./file-name";

export interface RevisionOptions {
  readonly message: string;
  /** Write a file with empty `upgrade`/`downgrade` (data migrations); no database needed. */
  readonly empty?: boolean;
  /**
   * The revision to build on: needed when the graph has several heads. `base` starts a new,
   * independent branch; a revision that is not a head needs `splice`.
   */
  readonly head?: string;
  /** Allow `head` to name a revision that already has successors (starts a branch). */
  readonly splice?: boolean;
  /** Branch labels the new revision declares. */
  readonly branchLabels?: readonly string[];
  /** Revisions (or branch labels) that must be applied before this one, across branches. */
  readonly dependsOn?: readonly string[];
  /** Use this id instead of a random one. */
  readonly revId?: string;
  /** The time written in the header; tests pin it. */
  readonly now?: Date;
  /** Renames given with `--rename` and `--rename-table`; each must match a drop and an add. */
  readonly renames?: RenameHints;
  /** `--no-renames`: plausible renames are written as the drops and adds they look like. */
  readonly noRenames?: boolean;
  /**
   * `--concurrently`: indexes on existing tables are built and dropped `CONCURRENTLY`, the
   * file runs outside a transaction. Default: the config's `concurrentIndexes`.
   */
  readonly concurrently?: boolean;
  /**
   * Foreign keys and checks added to tables with rows go in `NOT VALID`, and a second file
   * validates them. Default: the config's `separateValidation` (true); false with
   * `--no-separate-validation`.
   */
  readonly separateValidation?: boolean;
  /**
   * `--not-null-through-check`: NOT NULL over rows goes through a check added `NOT VALID`,
   * validated in the second file before `SET NOT NULL`. Default: `notNullThroughCheck`.
   */
  readonly notNullThroughCheck?: boolean;
  /**
   * `autogen` (the default): a typed migration file in the migrations folder. `typeorm`: a
   * TypeORM `MigrationInterface` class in the folder of the DataSource's `migrations` option,
   * for TypeORM's own `migration:run`; `head`, `splice`, `branchLabels`, `dependsOn` and
   * `revId` are refused with it (such a class is not part of autogen's revision graph).
   */
  readonly format?: string;
}

export interface RevisionResult {
  /** The written file, or null when nothing changed. */
  readonly file: string | null;
  /** The new revision's id; null when nothing changed or the file is a TypeORM class. */
  readonly revision: string | null;
  /** With `format: "typeorm"`, the class name TypeORM records (`AddUsers1733150000000`). */
  readonly typeOrmName?: string;
  readonly operations: readonly Operation[];
  /** The second file, validating the constraints the first added `NOT VALID`; null if none. */
  readonly validation: Omit<RevisionResult, "validation"> | null;
}

/** Checks an id given with `--rev-id`, before anything is loaded. */
export function checkRevId(revId: string | undefined): void {
  if (revId !== undefined && !/^\w+$/.test(revId)) {
    throw new UsageError(`--rev-id must be letters, digits or underscores, not '${revId}'.`);
  }
}

function parentOf(graph: MigrationGraph, options: RevisionOptions): string | null {
  if (options.head === undefined) {
    const heads = graph.heads;
    if (heads.length > 1) {
      throw new RevisionError(
        `the migrations have several heads (${heads.join(", ")})`,
        "merge them with `autogen merge`, or pick one with `--head REV`",
      );
    }
    return heads[0] ?? null;
  }
  const destination = resolveTarget(graph, options.head);
  if (destination.kind === "base") return null;
  if (destination.kind !== "at" || destination.revisions.length !== 1) {
    throw new UsageError(
      `--head needs one revision to build on, and '${options.head}' names ${destination.kind === "at" ? destination.revisions.join(", ") : "a step below a revision"}.`,
    );
  }
  const parent = destination.revisions[0] as string;
  if (!graph.heads.includes(parent) && !options.splice) {
    throw new RevisionError(
      `revision ${parent} is not a head: ${graph.children(parent).join(", ")} already build${graph.children(parent).length === 1 ? "s" : ""} on it`,
      "pass --splice to start a new branch from it, or build on a head",
    );
  }
  return parent;
}

/** `--depends-on` values as the file records them: labels kept, partial ids made full. */
function dependencies(graph: MigrationGraph, names: readonly string[]): string[] {
  return names.map((name) =>
    graph.labelled(name) !== undefined ? name : resolveSymbol(graph, name),
  );
}

/** What autogenerate found: the migration, and the validations that follow it. */
interface Generated {
  readonly upgrade: readonly Operation[];
  readonly review: string[];
  readonly validations: readonly Operation[];
  readonly validationReview: string[];
}

/**
 * Autogenerate compares with the database only when every migration is applied, as Alembic
 * does: on a database behind any head, the diff would repeat the missing migrations.
 */
async function autogenerate(
  ws: Workspace,
  graph: MigrationGraph,
  options: RevisionOptions,
  plans = true,
): Promise<Generated> {
  return ws.withClient(async (client) => {
    const rows = await readHeads(client, ws.options.versionTable, ws.dialect);
    const pending = planUpgrade(graph, rows, "heads");
    if (pending.length > 0) {
      throw new RevisionError(
        `the database at ${ws.databaseDescription} is not up to date (it is at ${rows.join(", ") || "base"}, the migrations at ${graph.heads.join(", ")})`,
        "run `autogen upgrade` first, so the new migration is compared with the right schema",
      );
    }
    const choices = {
      flags: options.renames ?? NO_RENAME_HINTS,
      refuse: options.noRenames ?? false,
    };
    const decided = (await decideRenames(ws, client, choices)).operations;
    const onPostgres = ws.dialect === postgres;
    const { operations: upgrade, validations } =
      onPostgres && plans
        ? planForRows(decided, {
            rows: await readRowEstimates(
              client as unknown as ClientBase,
              plannedTables(decided),
              postgres.quote.qualified,
            ),
            concurrently: options.concurrently ?? ws.options.concurrentIndexes,
            separateValidation: options.separateValidation ?? ws.options.separateValidation,
            notNullThroughCheck: options.notNullThroughCheck ?? ws.options.notNullThroughCheck,
            isNotNullCheck,
          })
        : { operations: decided, validations: [] };
    const review = (list: readonly Operation[]) =>
      reviewBothWays(client, list, reverseOperations(list), onPostgres);
    return {
      upgrade,
      review: await review(upgrade),
      validations,
      validationReview: validations.length > 0 ? await review(validations) : [],
    };
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
  checkRevId(options.revId);
  if (checkFormat(options.format, options) === "typeorm") {
    return withWorkspace(ctx, (ws) => {
      const dir = typeOrmMigrationsDir(ws);
      return withFolderLock(dir, ws.cwd, () => writeTypeOrmRevision(ws, dir, options));
    });
  }
  return withWorkspace(ctx, (ws) =>
    withFolderLock(ws.options.migrationsDir, ws.cwd, () => writeRevision(ws, options)),
  );
}

const NO_CHANGES: RevisionResult = { file: null, revision: null, operations: [], validation: null };
const NOTHING_GENERATED: Generated = {
  upgrade: [],
  review: [],
  validations: [],
  validationReview: [],
};

/**
 * What the new file holds: nothing for `--empty`, else the comparison; null, with "No changes
 * detected" said, when the entities and the database match.
 */
async function changes(
  ws: Workspace,
  graph: MigrationGraph,
  options: RevisionOptions,
  plans = true,
): Promise<Generated | null> {
  if (options.empty) return NOTHING_GENERATED;
  const generated = await autogenerate(ws, graph, options, plans);
  if (generated.upgrade.length > 0) return generated;
  ws.context.out.info("No changes detected: the entities and the database match.");
  return null;
}

/**
 * `revision --format typeorm`: the same comparison (the database must still be at autogen's
 * head, if autogen has migrations), written as a TypeORM class instead of a revision. The
 * plans for tables with rows belong to autogen's runner (a placeholder to fill, a second
 * validating revision): the class holds the plain difference, as TypeORM's own generator does.
 */
async function writeTypeOrmRevision(
  ws: Workspace,
  dir: string,
  options: RevisionOptions,
): Promise<RevisionResult> {
  const graph = await loadGraph(ws, true, { headersOnly: true });
  const generated = await changes(ws, graph, options, false);
  if (generated === null) return NO_CHANGES;
  const { upgrade, review } = generated;
  warnUpgrade(ws, review);
  const { file, name } = await writeTypeOrmMigration(ws, dir, {
    message: options.message,
    createdAt: options.now ?? new Date(),
    review,
    upgrade,
    downgrade: reverseOperations(upgrade),
  });
  return { file, revision: null, typeOrmName: name, operations: upgrade, validation: null };
}

/** What `revision` does under the folder lock: read the heads, compare, write the file. */
async function writeRevision(ws: Workspace, options: RevisionOptions): Promise<RevisionResult> {
  // ts-morph loads on the other core while the entities load and the database answers (the
  // CLI has started it already; a library call starts it here).
  sizeRenderer(countEntities(ws.config.dataSource, ws.options.configFile));
  prepareRenderer();
  const graph = await loadGraph(ws, true, { headersOnly: true });
  const parent = parentOf(graph, options);
  const id = options.revId ?? newRevisionId();
  if (graph.has(id)) throw new UsageError(`revision ${id} already exists.`);
  const branchLabels = [...new Set(options.branchLabels ?? [])];
  const dependsOn = dependencies(graph, options.dependsOn ?? []);
  checkNewRevision(graph, {
    revision: id,
    downRevisions: parent === null ? [] : [parent],
    branchLabels,
    dependsOn,
    message: options.message,
    file: migrationPath(ws, id, options.message),
  });
  const generated = await changes(ws, graph, options);
  if (generated === null) return NO_CHANGES;
  const upgradeOps = generated.upgrade;
  const validationId = options.revId !== undefined ? `v${options.revId}` : newRevisionId();
  if (generated.validations.length > 0 && graph.has(validationId)) {
    throw new UsageError(`revision ${validationId} (the validation after ${id}) already exists.`);
  }
  const review = [...outsideTransactionLines(upgradeOps), ...generated.review];
  warnUpgrade(ws, review);
  if (graph.ids.length === 0) warnUnmanagedDrops(ws, upgradeOps);
  const file = await writeMigration(ws, {
    message: options.message,
    revision: id,
    downRevision: parent,
    branchLabels,
    dependsOn,
    createdAt: options.now ?? new Date(),
    review,
    upgrade: upgradeOps,
    downgrade: reverseOperations(upgradeOps),
  });
  const validations = generated.validations;
  const validation =
    validations.length === 0
      ? null
      : await writeValidation(
          ws,
          options,
          { id: validationId, parent: id },
          validations,
          generated.validationReview,
        );
  return { file, revision: id, operations: upgradeOps, validation };
}

/**
 * A file with an index built concurrently runs without a transaction, and so do its other
 * operations: each commits on its own, and a failure halfway leaves the ones before applied.
 */
function outsideTransactionLines(list: readonly Operation[]): string[] {
  if (!list.some(runsOutsideTransaction)) return [];
  const others = list.filter((op) => !runsOutsideTransaction(op)).length;
  if (others === 0) return [];
  return [
    `WARNING: runs outside a transaction (transaction = false, for CONCURRENTLY): its ${others} other operation(s) commit one by one, and a failure leaves those before it applied; generate them in a revision of their own first`,
  ];
}

/**
 * The console repeats what the upgrade risks; the downgrade's hazards (a new table's
 * downgrade drops it) are for the reviewer, in the file's header.
 */
function warnUpgrade(ws: Workspace, review: readonly string[]): void {
  for (const line of review) {
    const warning = line.startsWith("WARNING: ") ? line.slice("WARNING: ".length) : null;
    if (warning !== null && !warning.startsWith("downgrade: ")) ws.context.out.warn(warning);
  }
}

/**
 * The second file: the validations of the constraints the first added `NOT VALID`, in a
 * migration (a transaction) of its own. A row that violates one fails it alone: the first
 * stays applied, and running `upgrade` again after fixing the rows validates. Its id is the
 * first's with a `v` in front when `--rev-id` was given, so tests and scripts can name it.
 */
async function writeValidation(
  ws: Workspace,
  options: RevisionOptions,
  { id, parent }: { readonly id: string; readonly parent: string },
  validations: readonly Operation[],
  review: readonly string[],
): Promise<Omit<RevisionResult, "validation">> {
  warnUpgrade(ws, review);
  const message = `${options.message.trim() || "(no message)"}: validate constraints`;
  const file = await writeMigration(ws, {
    message,
    revision: id,
    downRevision: parent,
    createdAt: options.now ?? new Date(),
    review,
    upgrade: validations,
    downgrade: reverseOperations(validations),
  });
  return { file, revision: id, operations: validations };
}
