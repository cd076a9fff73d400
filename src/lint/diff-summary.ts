import { hazardsOf, type HazardKind } from "../ops/hazards";
import type { Operation } from "../ops/operations";
import { reverseOperation } from "../ops/reverse";
import { tableLocksOf, type LockLevel } from "../ops/table-locks";
import { refKey } from "../schema/keys";
import type { TableRef } from "../schema/model";
import { describeHazard, distinctHazards, type RowCounts } from "./hazard-lines";
import { formatReview, reviewOperations } from "./review";
import { tableName } from "./review-line";

/** Strongest first: the order a table's several locks are compared in. */
const LOCK_ORDER: readonly LockLevel[] = [
  "ACCESS EXCLUSIVE",
  "SHARE ROW EXCLUSIVE",
  "SHARE",
  "SHARE UPDATE EXCLUSIVE",
  "ROW EXCLUSIVE",
];
const stronger = (a: LockLevel | null, b: LockLevel | null): LockLevel | null =>
  a === null ? b : b === null ? a : LOCK_ORDER.indexOf(a) <= LOCK_ORDER.indexOf(b) ? a : b;

export interface SummaryTable {
  readonly schema: string;
  readonly name: string;
  /** Rows now (`pg_class.reltuples`, or counted when small); 0 for a table the diff creates. */
  readonly rows: number | null;
  /** The strongest lock the upgrade takes on it; null when none. */
  readonly lock: LockLevel | null;
  readonly rewrite: boolean;
}
export interface SummaryOperation {
  readonly kind: Operation["kind"];
  readonly description: string;
  readonly lock: LockLevel | null;
  readonly rewrite: boolean;
  readonly reversible: boolean;
  readonly hazards: readonly HazardKind[];
}
export interface SummaryHazard {
  readonly kind: HazardKind;
  readonly table: TableRef | null;
  readonly rows: number | null;
  /** The phrase the review header uses. */
  readonly text: string;
}
export interface SummaryRename {
  readonly kind: "table" | "column" | "enumValue";
  readonly schema: string;
  readonly table: string | null;
  readonly from: string;
  readonly to: string;
}

/** What `diff --format markdown|json` reports: plain data, JSON as it stands. */
export interface DiffSummary {
  readonly changes: boolean;
  readonly tables: readonly SummaryTable[];
  readonly operations: readonly SummaryOperation[];
  readonly hazards: {
    readonly upgrade: readonly SummaryHazard[];
    readonly downgrade: readonly SummaryHazard[];
  };
  readonly reversible: boolean;
  /** The review header's lines (warnings marked), as `revision` would write them. */
  readonly review: readonly string[];
  readonly renames: {
    readonly decided: readonly SummaryRename[];
    readonly undecided: readonly (SummaryRename & {
      readonly flag: string;
      readonly score: number;
    })[];
  };
  readonly sql: readonly string[];
}

export interface SummaryInput {
  readonly upgrade: readonly Operation[];
  readonly downgrade: readonly Operation[];
  readonly rows: RowCounts;
  readonly sql: readonly string[];
  readonly decided: readonly SummaryRename[];
  /** Drop-and-add pairs that may be renames (`diff/renames.ts`), with how alike they are. */
  readonly undecided: readonly (SummaryRename & { readonly score: number })[];
  /** The flag that takes an undecided rename (`--rename books.name=title`). */
  readonly flagOf: (candidate: SummaryRename) => string;
}

const isReversible = (op: Operation): boolean => {
  if (hazardsOf(op).some((h) => h.kind === "irreversible")) return false;
  try {
    reverseOperation(op);
    return true;
  } catch {
    return false;
  }
};

const strongestLock = (op: Operation): LockLevel | null =>
  tableLocksOf(op).reduce<LockLevel | null>((level, l) => stronger(level, l.level), null);

/** Every table the upgrade locks, creates or puts at risk, with its rows, lock and rewrite. */
function touchedTables(upgrade: readonly Operation[], rows: RowCounts): SummaryTable[] {
  const tables = new Map<string, { ref: TableRef; lock: LockLevel | null; rewrite: boolean }>();
  const entry = (ref: TableRef) => {
    const key = refKey(ref);
    const found = tables.get(key) ?? { ref, lock: null, rewrite: false };
    tables.set(key, found);
    return found;
  };
  const created = new Set<string>();
  for (const op of upgrade) {
    if (op.kind === "createTable") {
      created.add(refKey(op.table));
      entry({ schema: op.table.schema, name: op.table.name });
    }
    for (const l of tableLocksOf(op)) {
      const e = entry(l.table);
      e.lock = stronger(e.lock, l.level);
    }
    for (const h of hazardsOf(op))
      if (h.table && h.kind === "rewritesTable") entry(h.table).rewrite = true;
  }
  return [...tables.entries()].map(([key, t]) => ({
    schema: t.ref.schema,
    name: t.ref.name,
    rows: created.has(key) ? 0 : (rows.get(key) ?? null),
    lock: created.has(key) ? null : t.lock,
    rewrite: !created.has(key) && t.rewrite,
  }));
}

const summaryHazards = (list: readonly Operation[], rows: RowCounts): SummaryHazard[] =>
  distinctHazards(list).map((h) => ({
    kind: h.kind,
    table: h.table,
    rows: h.table ? (rows.get(refKey(h.table)) ?? null) : null,
    text: describeHazard(h, rows),
  }));

/** The summary of a diff both ways (pure: rows and SQL are read and compiled by the caller). */
export function summarizeDiff(input: SummaryInput): DiffSummary {
  const operations = input.upgrade.map((op) => ({
    kind: op.kind,
    description: reviewOperations([op])
      .map((line) => line.text)
      .join("; "),
    lock: strongestLock(op),
    rewrite: hazardsOf(op).some((h) => h.kind === "rewritesTable"),
    reversible: isReversible(op),
    hazards: [...new Set(hazardsOf(op).map((h) => h.kind))],
  }));
  return {
    changes: input.upgrade.length > 0,
    tables: touchedTables(input.upgrade, input.rows),
    operations,
    hazards: {
      upgrade: summaryHazards(input.upgrade, input.rows),
      downgrade: summaryHazards(input.downgrade, input.rows),
    },
    reversible: operations.every((op) => op.reversible),
    review: formatReview(reviewOperations(input.upgrade)),
    renames: {
      decided: input.decided,
      undecided: input.undecided.map((c) => ({
        kind: c.kind,
        schema: c.schema,
        table: c.table,
        from: c.from,
        to: c.to,
        flag: input.flagOf(c),
        score: c.score,
      })),
    },
    sql: input.sql,
  };
}

/** A table as the summaries name it. */
export const summaryTableName = (t: { schema: string; name: string }): string =>
  tableName({ schema: t.schema, table: t.name });
