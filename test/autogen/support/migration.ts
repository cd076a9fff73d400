import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Client } from "pg";
import { formatReview, reviewOperations } from "../../../src/lint/review";
import type { Operation } from "../../../src/ops/operations";
import { reverseOperations } from "../../../src/ops/reverse";
import { renderMigration } from "../../../src/render";
import { loadRevision } from "../../../src/migration-files";
import type { LoadedRevision } from "../../../src/revisions";
import { liveExecutor } from "../../../src/runner/executor";
import { runSteps, type MigrationStep } from "../../../src/runner/run-steps";
import { ensureVersionTable } from "../../../src/runner/version-store";
import type { TableRef } from "../../../src/schema/model";

/**
 * The runner's bookkeeping lives in a schema of its own, which neither the comparison (it
 * reads `public` and the entities' schemas) nor the snapshots look at: a case sees only what
 * its migration did.
 */
export const BOOKKEEPING_SCHEMA = "autogen_case_bookkeeping";
export const VERSION_TABLE: TableRef = { schema: BOOKKEEPING_SCHEMA, name: "autogen_version" };
const REVISION = "0123456789ab";

/** A migration as `autogen revision` writes it, loaded back as `upgrade` loads it. */
export interface WrittenMigration {
  readonly revision: LoadedRevision;
  /** The file's text. */
  readonly text: string;
  /** The review lines of the file's header. */
  readonly review: readonly string[];
}

/**
 * The migration `autogen revision` would write for `operations`, written to a scratch folder
 * and loaded back the way `upgrade` loads it: the case then runs the real file, so what it
 * proves covers the renderer and the `op` API as well as the SQL.
 */
export async function writeAndLoadMigration(
  operations: readonly Operation[],
): Promise<WrittenMigration> {
  const dir = mkdtempSync(join(tmpdir(), "autogen-case-"));
  try {
    const file = join(dir, `${REVISION}_case.ts`);
    const review = formatReview(reviewOperations(operations));
    const text = renderMigration({
      message: "case",
      revision: REVISION,
      downRevision: null,
      createdAt: new Date(0),
      review,
      upgrade: operations,
      downgrade: reverseOperations(operations),
    });
    writeFileSync(file, text);
    return { revision: await loadRevision(file), text, review };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the migration's `upgrade` or `downgrade` through the runner, as `autogen upgrade` does. */
export async function runMigration(
  client: Client,
  migration: LoadedRevision,
  direction: "upgrade" | "downgrade",
): Promise<void> {
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${BOOKKEEPING_SCHEMA}`);
  await ensureVersionTable(client, VERSION_TABLE);
  const fn = direction === "upgrade" ? migration.upgrade : migration.downgrade;
  const step: MigrationStep = {
    revision: migration.revision,
    message: migration.message,
    file: migration.file,
    direction,
    run: async (context) => void (await fn(context)),
    transactional: true,
    removeHeads: direction === "upgrade" ? [] : [migration.revision],
    addHeads: direction === "upgrade" ? [migration.revision] : [],
  };
  await runSteps(liveExecutor(client), [step], {
    versionTable: VERSION_TABLE,
    transactionMode: "each",
  });
}
