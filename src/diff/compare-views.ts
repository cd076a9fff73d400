import { ops } from "../ops/factories";
import type { Operation } from "../ops/operations";
import type { DatabaseSchema, View, ViewShape } from "../schema/model";
import { namedChanges } from "./compare-constraints";
import { refKey as key } from "../schema/keys";

function shapeOf(view: View): ViewShape {
  const { indexes: _indexes, references: _references, ...shape } = view;
  return shape;
}

/**
 * The tables whose change a view that reads them would block: PostgreSQL refuses to drop a
 * table or column a view reads, or to change its type (an enum rebuild changes the type of
 * every column using the enum).
 */
function touchedTables(operations: readonly Operation[]): Set<string> {
  const touched = new Set<string>();
  for (const op of operations) {
    if (op.kind === "dropTable") touched.add(key(op));
    if (op.kind === "dropColumn") touched.add(key({ schema: op.schema, name: op.table }));
    // A generation change drops and re-adds the column in one direction or the other.
    const alters = ["type", "collation", "generated"];
    if (op.kind === "alterColumn" && alters.some((key) => key in op.to)) {
      touched.add(key({ schema: op.schema, name: op.table }));
    }
    if (op.kind === "alterEnum") {
      for (const usage of op.usages) touched.add(key({ schema: usage.schema, name: usage.table }));
    }
  }
  return touched;
}

/**
 * Views in an order PostgreSQL can create them: each after the views it reads (by the
 * `references` introspection and canonicalisation fill in), otherwise in name order.
 */
export function dependencyOrder(views: readonly View[]): View[] {
  const byKey = new Map(views.map((v) => [key(v), v]));
  const placed = new Set<string>();
  const ordered: View[] = [];
  const visiting = new Set<string>();
  const place = (view: View): void => {
    const k = key(view);
    if (placed.has(k) || visiting.has(k)) return;
    visiting.add(k);
    for (const ref of view.references ?? []) {
      const read = byKey.get(key(ref));
      if (read) place(read);
    }
    visiting.delete(k);
    placed.add(k);
    ordered.push(view);
  };
  for (const view of views) place(view);
  return ordered;
}

export interface ViewChanges {
  /** Run before anything else changes: index drops, then views, readers before what they read. */
  readonly drops: readonly Operation[];
  /** Run after everything else: views, what is read before its readers, then their indexes. */
  readonly creates: readonly Operation[];
}

/**
 * View operations around the table operations `tableOperations`. A view is dropped and created
 * again when its query or kind changes, and also when it reads a table the other operations
 * drop or whose columns they drop or retype (PostgreSQL refuses those while the view exists),
 * or reads a view that is re-created. The indexes of a materialized view that stays are
 * compared by name like a table's.
 */
export function compareViews(
  current: DatabaseSchema,
  target: DatabaseSchema,
  tableOperations: readonly Operation[],
): ViewChanges {
  const currentViews = current.views ?? [];
  const targetByKey = new Map((target.views ?? []).map((v) => [key(v), v]));
  const touched = touchedTables(tableOperations);
  const rebuilt = new Set<string>();
  const mustRebuild = (view: View): boolean => {
    const wanted = targetByKey.get(key(view));
    return (
      !wanted ||
      wanted.definition !== view.definition ||
      wanted.materialized !== view.materialized ||
      (view.references ?? []).some((ref) => touched.has(key(ref)) || rebuilt.has(key(ref)))
    );
  };
  // Readers come after what they read, so one pass sees every re-created view they read.
  for (const view of dependencyOrder(currentViews)) {
    if (mustRebuild(view)) rebuilt.add(key(view));
  }

  const drops: Operation[] = [];
  const creates: Operation[] = [];
  const indexesOf = (view: View) => view.indexes ?? [];
  for (const view of dependencyOrder(currentViews).reverse()) {
    const where = { schema: view.schema, table: view.name };
    const wanted = targetByKey.get(key(view));
    const removedIndexes = rebuilt.has(key(view))
      ? indexesOf(view)
      : namedChanges(indexesOf(view), wanted ? indexesOf(wanted) : []).removed;
    for (const index of removedIndexes) {
      drops.push(ops.dropIndex({ ...where, name: index.name, previous: index }));
    }
    if (!rebuilt.has(key(view))) continue;
    const shape = shapeOf(view);
    const { schema, name, materialized } = shape;
    drops.push(ops.dropView({ schema, name, materialized, previous: shape }));
  }
  const currentByKey = new Map(currentViews.map((v) => [key(v), v]));
  for (const view of dependencyOrder(target.views ?? [])) {
    const where = { schema: view.schema, table: view.name };
    const existing = currentByKey.get(key(view));
    const created = !existing || rebuilt.has(key(view));
    if (created) creates.push(ops.createView({ view: shapeOf(view) }));
    const addedIndexes = created
      ? indexesOf(view)
      : namedChanges(indexesOf(existing), indexesOf(view)).added;
    for (const index of addedIndexes) creates.push(ops.createIndex({ ...where, index }));
  }
  return { drops, creates };
}
