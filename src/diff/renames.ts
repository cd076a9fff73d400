import { ops } from "../ops/factories";
import type { Operation } from "../ops/operations";
import { refKey } from "../schema/keys";
import { findTable } from "../schema/find-table";
import type { DatabaseSchema, Table } from "../schema/model";
import { columnCandidates, tableCandidates, type RenameCandidate } from "./rename-candidates";
import { renameColumnIn, renameTableIn } from "./rename-model";
import { unchangedRenames } from "./unchanged-renames";
import { enumValueRenames, type EnumValueRename } from "./enum-value-renames";

export type { RenameCandidate } from "./rename-candidates";

/** A table the user says was renamed, within its schema. */
export interface TableRename {
  readonly schema: string;
  readonly from: string;
  readonly to: string;
}
/** A column the user says was renamed; `table` may be its table's old or new name. */
export interface ColumnRename extends TableRename {
  readonly table: string;
}
/** The renames the user decided on (config hints, flags, prompt answers). */
export interface RenameHints {
  readonly tables: readonly TableRename[];
  readonly columns: readonly ColumnRename[];
  readonly enumValues?: readonly EnumValueRename[];
}
export type { EnumValueRename } from "./enum-value-renames";
export const NO_RENAME_HINTS: RenameHints = { tables: [], columns: [] };

export interface RenamePlan {
  /** The rename operations, to run before anything else. */
  readonly operations: readonly Operation[];
  /** `current` as it is once they ran: what the rest of the diff starts from. */
  readonly current: DatabaseSchema;
  /** Drop-and-add pairs no hint decided: the caller asks, refuses, or lets them be. */
  readonly undecided: readonly RenameCandidate[];
  /** Hints that matched a dropped and an added object (unmatched config hints are stale). */
  readonly applied: readonly (TableRename | ColumnRename | EnumValueRename)[];
}

/** A decided rename in the shape of a candidate (without its score), for reports and flags. */
export function renameShape(
  rename: TableRename | ColumnRename | EnumValueRename,
): Omit<RenameCandidate, "score"> {
  const { schema, from, to } = rename;
  if ("type" in rename) return { kind: "enumValue", schema, table: rename.type, from, to };
  if ("table" in rename) return { kind: "column", schema, table: rename.table, from, to };
  return { kind: "table", schema, table: null, from, to };
}

const byKey = (tables: readonly Table[]) => new Map(tables.map((t) => [refKey(t), t]));

/**
 * Renames between `current` and `target`: the tables and columns `hints` name (when one is
 * dropped and the other added), then the indexes, constraints and enum types whose definition
 * is unchanged under a new name (see `unchangedRenames`). Pure; what remains of the drops and
 * adds is reported in `undecided` when a rename is plausible.
 */
export function planRenames(
  current: DatabaseSchema,
  target: DatabaseSchema,
  hints: RenameHints,
): RenamePlan {
  const operations: Operation[] = [];
  const applied: (TableRename | ColumnRename)[] = [];
  const undecided: RenameCandidate[] = [];
  let model = current;

  const targetTables = byKey(target.tables);
  const dropped = () => model.tables.filter((t) => !targetTables.has(refKey(t)));
  const created = () => {
    const live = byKey(model.tables);
    return target.tables.filter((t) => !live.has(refKey(t)));
  };
  for (const hint of hints.tables) {
    const gone = dropped().some((t) => t.schema === hint.schema && t.name === hint.from);
    const made = created().some((t) => t.schema === hint.schema && t.name === hint.to);
    if (!gone || !made) continue;
    operations.push(ops.renameTable(hint));
    model = renameTableIn(model, hint);
    applied.push(hint);
  }
  undecided.push(...tableCandidates(dropped(), created()));

  for (const after of target.tables) {
    const before = findTable(model, after);
    if (!before) continue;
    for (const hint of hints.columns) {
      if (hint.schema !== after.schema) continue;
      const named =
        hint.table === after.name ||
        applied.some((a) => !("table" in a) && a.to === after.name && a.from === hint.table);
      const table = findTable(model, after) as Table;
      const gone =
        table.columns.some((c) => c.name === hint.from) &&
        !after.columns.some((c) => c.name === hint.from);
      const made =
        after.columns.some((c) => c.name === hint.to) &&
        !table.columns.some((c) => c.name === hint.to);
      if (!named || !gone || !made) continue;
      const where = { schema: after.schema, table: after.name, from: hint.from, to: hint.to };
      operations.push(ops.renameColumn(where));
      model = renameColumnIn(model, where);
      applied.push(hint);
    }
    const renamedBefore = findTable(model, after) as Table;
    undecided.push(...columnCandidates(renamedBefore, after, model, target));
  }

  const labels = enumValueRenames(model, target, hints.enumValues ?? []);
  const unchanged = unchangedRenames(labels.current, target);
  return {
    operations: [...operations, ...labels.operations, ...unchanged.operations],
    current: unchanged.current,
    undecided: [...undecided, ...labels.undecided],
    applied: [...applied, ...labels.applied],
  };
}
