import type { Operation } from "../ops/operations";
import { excludeName, excludeTablesSnippet } from "./exclude-tables-edit";
import type { Workspace } from "./workspace";

/**
 * The first revision on a database that already holds tables drops every table no entity
 * describes (by design, as Alembic's autogenerate does). The file's header says so, but a
 * header is easy to skim: the console says it too, with the way to keep them.
 */
export function warnUnmanagedDrops(ws: Workspace, operations: readonly Operation[]): void {
  const dropped = operations.flatMap((op) =>
    op.kind === "dropTable" ? [{ schema: op.schema, name: op.name }] : [],
  );
  if (dropped.length === 0) return;
  ws.context.out.warn(
    `this first revision drops ${dropped.length} table(s) no entity describes (${dropped.map(excludeName).join(", ")}); ` +
      `to keep them, delete the file and add \`${excludeTablesSnippet(dropped)}\` to the config's autogen options, or run \`autogen adopt --exclude-unmanaged\``,
  );
}
