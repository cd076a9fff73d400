import {
  HAZARD_LABELS,
  hazardsOf,
  tablesCreatedBy,
  WARNING_HAZARDS,
  type Hazard,
} from "../ops/hazards";
import type { Operation } from "../ops/operations";
import { refKey } from "../schema/keys";
import { q, tableName, type ReviewLine } from "./review-line";

/** Rows per table (`refKey`); a table left out is unknown. */
export type RowCounts = ReadonlyMap<string, number>;

/** `~3 rows`, `~12.3k rows`, `~2.1M rows`. */
export function formatRows(n: number): string {
  const unit = n === 1 ? "row" : "rows";
  if (n < 1000) return `~${n} ${unit}`;
  const [value, suffix] = n < 1e6 ? [n / 1e3, "k"] : n < 1e9 ? [n / 1e6, "M"] : [n / 1e9, "G"];
  return `~${value.toFixed(1).replace(/\.0$/, "")}${suffix} ${unit}`;
}

/**
 * The distinct hazards of `list` (`ops/hazards.ts`), in order. Hazards on tables the same list
 * creates are left out: an empty new table is no risk.
 */
export function distinctHazards(list: readonly Operation[]): Hazard[] {
  const created = tablesCreatedBy(list);
  const seen = new Set<string>();
  return list.flatMap(hazardsOf).filter((hazard) => {
    if (hazard.table && created.has(refKey(hazard.table))) return false;
    const key = JSON.stringify([hazard.kind, hazard.table, hazard.nullColumn]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * One line per distinct hazard of `list`, prefixed with the direction ("upgrade: rewrites
 * "orders" (~2.1M rows)").
 */
export function hazardLines(
  direction: "upgrade" | "downgrade",
  list: readonly Operation[],
  rows: RowCounts = new Map(),
): ReviewLine[] {
  // The upgrade's review lines already warn about its operations; the downgrade has none.
  return distinctHazards(list).map((hazard) => ({
    text: `${direction}: ${describeHazard(hazard, rows)}`,
    warning: direction === "downgrade" && WARNING_HAZARDS.has(hazard.kind),
  }));
}

/** A hazard as a phrase: "rewrites "orders" (~2.1M rows)". */
export function describeHazard(hazard: Hazard, rows: RowCounts): string {
  const label = HAZARD_LABELS[hazard.kind];
  if (!hazard.table) return label.replace(/ (in|of|on|to|for)$/, "");
  const count = rows.get(refKey(hazard.table));
  const where = tableName({ schema: hazard.table.schema, table: hazard.table.name });
  if (hazard.nullColumn !== undefined) {
    const which = count === undefined ? "row" : `of the ${formatRows(count)}`;
    return `${where}.${q(hazard.nullColumn)}: fails if any ${which} holds NULL`;
  }
  return `${label} ${where}${count === undefined ? "" : ` (${formatRows(count)})`}`;
}
