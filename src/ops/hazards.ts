import { refKey } from "../schema/keys";
import type { TableRef } from "../schema/model";
import type { AlterColumnOp, ColumnChange, Operation, OperationHandlers } from "./operations";
import { dispatch } from "./operations";

/**
 * What can go wrong when an operation runs against a database in use: data lost, a table
 * rewritten or locked while every row is read, a statement that fails on the rows already
 * there, application code still running against the old schema, no way back. Decided here
 * once per operation kind; the review header, `diff` and `downgrade`'s confirmation read it.
 */
export type HazardKind =
  | "deletesData"
  | "rewritesTable"
  | "accessExclusiveLock"
  | "blocksWrites"
  | "validatesRows"
  | "failsOnRows"
  | "failsIfInUse"
  | "breaksRunningCode"
  | "handWritten"
  | "irreversible";

export interface Hazard {
  readonly kind: HazardKind;
  /** The table whose rows it concerns (for row estimates); null when none. */
  readonly table: TableRef | null;
  /** For a NOT NULL that fails on rows: the column whose NULLs make it fail. */
  readonly nullColumn?: string;
}

/** Kinds that make a review line a warning; the others (locks, scans, old code) are listed only. */
export const WARNING_HAZARDS: ReadonlySet<HazardKind> = new Set<HazardKind>([
  "deletesData",
  "rewritesTable",
  "failsOnRows",
  "failsIfInUse",
  "handWritten",
]);

/** How each kind reads in a sentence ("rewrites table "orders" (~2.1M rows)"). */
export const HAZARD_LABELS: { readonly [K in HazardKind]: string } = {
  deletesData: "deletes data in",
  rewritesTable: "rewrites",
  accessExclusiveLock: "takes an ACCESS EXCLUSIVE lock on",
  blocksWrites: "builds an index blocking writes to",
  validatesRows: "reads every row of",
  failsOnRows: "may fail on the rows of",
  failsIfInUse: "fails while something still uses what it drops in",
  breaksRunningCode: "breaks application code still using the old schema of",
  handWritten: "runs hand-written SQL on",
  irreversible: "cannot be reversed for",
};

/** `name(n)` or a bare `name` (unlimited), for the types whose limit can only grow in place. */
const limited = (name: string, type: string): { limit: number | null } | null => {
  const match = new RegExp(`^${name}(?:\\((\\d+)\\))?$`).exec(type);
  return match ? { limit: match[1] === undefined ? null : Number(match[1]) } : null;
};

/** The same type with a higher (or no) limit: the values already fit, nothing is rewritten. */
const raisesLimit =
  (name: string) =>
  (from: string, to: string): boolean => {
    const a = limited(name, from);
    const b = limited(name, to);
    return !!a && !!b && (b.limit === null || (a.limit !== null && b.limit >= a.limit));
  };

/** `timestamp(3) with time zone` as `timestamp with time zone` and its precision. */
function timePrecision(type: string): { base: string; limit: number | null } | null {
  const match = /^(timestamp|time)(?:\((\d+)\))? (with|without) time zone$/.exec(type);
  if (!match) return null;
  return {
    base: `${match[1]} ${match[3]}`,
    limit: match[2] === undefined ? null : Number(match[2]),
  };
}

/**
 * Type changes PostgreSQL makes without rewriting or checking a row: each one is checked
 * against PostgreSQL's data file (`relfilenode`) in test/dialect/type-change-rewrites.test.ts.
 */
const widening: readonly ((from: string, to: string) => boolean)[] = [
  // varchar(n) -> varchar(m >= n) or varchar; bit varying and interval precision likewise
  raisesLimit("character varying"),
  raisesLimit("bit varying"),
  raisesLimit("interval"),
  // varchar(n) -> text, text -> varchar: the same storage, and text has no limit to check
  (from, to) =>
    (limited("character varying", from) !== null && to === "text") ||
    (from === "text" && to === "character varying"),
  // numeric(p, s) -> numeric(q >= p, s), numeric(p, s) -> numeric
  (from, to) => {
    const a = /^numeric\((\d+),(\d+)\)$/.exec(from.replace(/\s/g, ""));
    if (a && to === "numeric") return true;
    const b = /^numeric\((\d+),(\d+)\)$/.exec(to.replace(/\s/g, ""));
    return !!a && !!b && a[2] === b[2] && Number(b[1]) >= Number(a[1]);
  },
  // timestamp(p) -> timestamp(q >= p) or timestamp, with or without time zone, and time
  (from, to) => {
    const a = timePrecision(from);
    const b = timePrecision(to);
    if (!a || !b || a.base !== b.base) return false;
    return b.limit === null || (a.limit !== null && b.limit >= a.limit);
  },
];

/** Whether a column's type change rewrites the table (and may fail on values that do not convert). */
export function typeChangeRewrites(from: ColumnChange, to: ColumnChange): boolean {
  if (from.type === to.type && from.typeSchema === to.typeSchema && from.isArray === to.isArray) {
    return false;
  }
  const same = from.isArray === to.isArray && from.typeSchema === to.typeSchema;
  return !(same && widening.some((rule) => rule(from.type ?? "", to.type ?? "")));
}

const on = (op: { schema: string; table: string }): TableRef => ({
  schema: op.schema,
  name: op.table,
});
const hazards = (table: TableRef | null, ...kinds: HazardKind[]): Hazard[] =>
  kinds.map((kind) => ({ kind, table }));

function alterColumnHazards(op: AlterColumnOp): Hazard[] {
  const kinds: HazardKind[] = [];
  if (typeChangeRewrites(op.from, op.to)) {
    kinds.push("rewritesTable", "accessExclusiveLock", "failsOnRows", "breaksRunningCode");
  }
  let nullRows: Hazard[] = [];
  if ("nullable" in op.to && op.to.nullable === false && op.from.nullable !== false) {
    kinds.push("validatesRows", "accessExclusiveLock", "breaksRunningCode");
    if (op.backfill === undefined && op.backfillToWrite === undefined)
      nullRows = [{ kind: "failsOnRows", table: on(op), nullColumn: op.name }];
  }
  if ("generated" in op.to && op.to.generated !== op.from.generated) kinds.push("rewritesTable");
  if ("collation" in op.to && op.to.collation !== op.from.collation) kinds.push("failsOnRows");
  return [...hazards(on(op), ...new Set(kinds)), ...nullRows];
}

const handlers: OperationHandlers<Hazard[]> = {
  createSchema: () => [],
  dropSchema: () => hazards(null, "failsIfInUse"),
  createExtension: () => [],
  dropExtension: () => hazards(null, "failsIfInUse"),
  createEnum: () => [],
  dropEnum: () => [],
  alterEnum: (op) =>
    op.from.some((v) => !op.to.includes(v))
      ? [
          ...hazards(null, "failsOnRows"),
          ...op.usages.flatMap((u) => hazards(on(u), "rewritesTable", "accessExclusiveLock")),
        ]
      : [],
  createTable: () => [],
  dropTable: (op) =>
    hazards({ schema: op.schema, name: op.name }, "deletesData", "breaksRunningCode"),
  addColumn: (op) =>
    !op.column.nullable &&
    op.column.default === null &&
    !op.column.serial &&
    op.column.identity === undefined &&
    op.column.generated === undefined
      ? hazards(on(op), "failsOnRows", "breaksRunningCode")
      : op.column.generated !== undefined
        ? hazards(on(op), "rewritesTable", "accessExclusiveLock")
        : [],
  dropColumn: (op) =>
    op.previous?.generated !== undefined ? [] : hazards(on(op), "deletesData", "breaksRunningCode"),
  alterColumn: alterColumnHazards,
  addPrimaryKey: (op) => hazards(on(op), "blocksWrites", "validatesRows", "failsOnRows"),
  dropPrimaryKey: () => [],
  addUnique: (op) => hazards(on(op), "blocksWrites", "failsOnRows"),
  dropUnique: () => [],
  // Built concurrently, an index lets writes go on; a unique one still fails on duplicates.
  createIndex: (op) =>
    hazards(
      on(op),
      ...(op.concurrently ? [] : (["blocksWrites"] as const)),
      ...(op.index.unique ? (["failsOnRows"] as const) : []),
    ),
  dropIndex: () => [],
  // NOT VALID reads no row (new ones are checked); the validation that follows does.
  addForeignKey: (op) => (op.notValid ? [] : hazards(on(op), "validatesRows", "failsOnRows")),
  dropForeignKey: () => [],
  addCheck: (op) =>
    op.notValid
      ? hazards(on(op), "accessExclusiveLock")
      : hazards(on(op), "validatesRows", "accessExclusiveLock", "failsOnRows"),
  validateConstraint: (op) => hazards(on(op), "validatesRows", "failsOnRows"),
  dropCheck: () => [],
  addExclusion: (op) => hazards(on(op), "blocksWrites", "accessExclusiveLock", "failsOnRows"),
  dropExclusion: () => [],
  createView: () => [],
  dropView: () => [],
  setTableComment: () => [],
  // A rebuild (SQLite) copies every row into a new table; columns it does not copy are lost.
  rebuildTable: (op) =>
    hazards(
      on(op),
      "rewritesTable",
      "accessExclusiveLock",
      ...(op.previous?.columns.some((c) => !op.copy.includes(c.name))
        ? (["deletesData", "breaksRunningCode"] as const)
        : []),
    ),
  execute: (op) =>
    hazards(
      null,
      "handWritten",
      ...(op.reverseSql === undefined ? (["irreversible"] as const) : []),
    ),
  bulkInsert: (op) => hazards(on(op), "irreversible"),
  renameTable: (op) => hazards({ schema: op.schema, name: op.from }, "breaksRunningCode"),
  renameColumn: (op) => hazards(on(op), "breaksRunningCode"),
  renameEnum: () => [],
  renameEnumValue: () => [],
  renameIndex: () => [],
  renameConstraint: () => [],
};

/** The hazards of one operation; an empty list for a change PostgreSQL makes safely. */
export function hazardsOf(op: Operation): Hazard[] {
  return dispatch(handlers, op);
}

/** The tables `list` itself creates: they hold no rows yet, so hazards on them are moot. */
export function tablesCreatedBy(list: readonly Operation[]): Set<string> {
  const created = new Set<string>();
  for (const op of list) {
    if (op.kind === "createTable") created.add(refKey(op.table));
    if (op.kind === "renameTable") created.delete(refKey({ schema: op.schema, name: op.to }));
  }
  return created;
}

/**
 * Whether the operation's review line is a warning (see `WARNING_HAZARDS`). Hazards on a
 * table of `created` (`tablesCreatedBy` of the same migration) do not count: a foreign key
 * added to a new table scans no rows; nor do the row hazards of a table `rows` says is empty.
 */
export function isWarning(
  op: Operation,
  created: ReadonlySet<string> = new Set(),
  rows: ReadonlyMap<string, number> = new Map(),
): boolean {
  return hazardsOf(op).some((h) => {
    if (!WARNING_HAZARDS.has(h.kind)) return false;
    if (h.table && created.has(refKey(h.table))) return false;
    // An empty table (as far as the catalogs tell) loses no data, takes no time to rewrite
    // and has no row to fail on: the change is a note, as int -> bigint there should be.
    return !(h.table && ROW_HAZARDS.has(h.kind) && rows.get(refKey(h.table)) === 0);
  });
}

/** The warning kinds that only matter for the rows a table holds. */
const ROW_HAZARDS: ReadonlySet<HazardKind> = new Set<HazardKind>([
  "deletesData",
  "rewritesTable",
  "failsOnRows",
]);
