import type {
  AlterEnumOp,
  CreateEnumOp,
  DropEnumOp,
  EnumDependent,
  EnumUsage,
  Operation,
} from "../../../ops/operations";
import type { EnumType } from "../../../schema/model";
import {
  compileAddCheck,
  compileCreateIndex,
  compileDropConstraint,
  compileDropIndex,
} from "./compile-constraints";
import { MAX_IDENTIFIER_BYTES, qualifiedName, quoteIdent, quoteLiteral } from "../quote";

function createType(enumType: Pick<EnumType, "schema" | "name" | "values">): string {
  const labels = enumType.values.map(quoteLiteral).join(", ");
  return `CREATE TYPE ${qualifiedName(enumType.schema, enumType.name)} AS ENUM (${labels})`;
}

export function compileCreateEnum(op: CreateEnumOp): string[] {
  return [createType(op.enum)];
}

/** No `CASCADE`: a type still used by a column must make PostgreSQL refuse, not drop the column. */
export function compileDropEnum(op: DropEnumOp): string[] {
  return [`DROP TYPE ${qualifiedName(op.schema, op.name)}`];
}

/** Where one new label goes; `null` for the first label of a type that had none. */
interface LabelInsertion {
  readonly label: string;
  readonly position: { readonly before: string } | { readonly after: string } | null;
}

/**
 * The new labels of `to` with their places, when `to` is `from` with labels inserted (old
 * labels all kept, in their order, no duplicates); null when the type must be rebuilt.
 * Labels are added in `to` order, so each one after the first can follow its predecessor,
 * which exists by then; only labels ahead of every old one need `BEFORE`.
 */
export function labelInsertions(
  from: readonly string[],
  to: readonly string[],
): LabelInsertion[] | null {
  const old = new Set(from);
  const kept = to.filter((label) => old.has(label));
  const inOrder = kept.length === from.length && kept.every((label, i) => label === from[i]);
  if (!inOrder || new Set(to).size !== to.length) return null;

  const insertions: LabelInsertion[] = [];
  to.forEach((label, i) => {
    if (old.has(label)) return;
    const previous = to[i - 1];
    const first = from[0];
    const position =
      previous !== undefined ? { after: previous } : first !== undefined ? { before: first } : null;
    insertions.push({ label, position });
  });
  return insertions;
}

function addValue(type: string, insertion: LabelInsertion): string {
  const { label, position } = insertion;
  const place =
    position === null
      ? ""
      : "before" in position
        ? ` BEFORE ${quoteLiteral(position.before)}`
        : ` AFTER ${quoteLiteral(position.after)}`;
  return `ALTER TYPE ${type} ADD VALUE IF NOT EXISTS ${quoteLiteral(label)}${place}`;
}

/**
 * `<name>_old`, the name the type is moved to while it is rebuilt, shortened (by whole
 * characters) when needed to stay within PostgreSQL's identifier length.
 */
export function rebuildName(name: string): string {
  const suffix = "_old";
  let base = name;
  while (Buffer.byteLength(base + suffix, "utf8") > MAX_IDENTIFIER_BYTES) {
    base = [...base].slice(0, -1).join("");
  }
  return base + suffix;
}

/**
 * Converts one column to the new type through text, which works for every label both types
 * share and fails (rolling the migration back) on a row holding a removed label. The default
 * goes first because PostgreSQL cannot cast it from the old type to the new one.
 */
function convertUsage(type: string, usage: EnumUsage): string[] {
  const alter = `ALTER TABLE ${qualifiedName(usage.schema, usage.table)} ALTER COLUMN ${quoteIdent(usage.column)}`;
  const array = usage.isArray ? "[]" : "";
  const convert = `${alter} TYPE ${type}${array} USING ${quoteIdent(usage.column)}::text${array}::${type}${array}`;
  if (usage.default === null) return [convert];
  return [`${alter} DROP DEFAULT`, convert, `${alter} SET DEFAULT ${usage.default}`];
}

/**
 * Pure insertions become `ALTER TYPE ... ADD VALUE IF NOT EXISTS`, one per label, placed where
 * `to` puts it (`IF NOT EXISTS` because the runner commits them ahead of the rest of their
 * migration, so a re-run after a failure finds them there). Anything else (a label removed,
 * renamed or moved) rebuilds the type: PostgreSQL can neither drop nor reorder labels. The
 * partial indexes and checks that cast to the type are dropped, the old type is renamed aside
 * so the new one takes its name, every column using it is converted, the indexes and checks
 * are created again (their text now names the new type), and the old type is dropped.
 */
export function compileAlterEnum(op: AlterEnumOp): string[] {
  const type = qualifiedName(op.schema, op.name);
  const insertions = labelInsertions(op.from, op.to);
  if (insertions !== null) return insertions.map((insertion) => addValue(type, insertion));

  const aside = rebuildName(op.name);
  const dependents = op.dependents ?? [];
  return [
    ...dependents.flatMap(dropDependent),
    `ALTER TYPE ${type} RENAME TO ${quoteIdent(aside)}`,
    createType({ schema: op.schema, name: op.name, values: op.to }),
    ...op.usages.flatMap((usage) => convertUsage(type, usage)),
    ...dependents.flatMap(createDependent),
    `DROP TYPE ${qualifiedName(op.schema, aside)}`,
  ];
}

function dropDependent({ schema, table, index, check }: EnumDependent): string[] {
  if (index) return compileDropIndex({ kind: "dropIndex", schema, table, name: index.name });
  if (check) return compileDropConstraint({ kind: "dropCheck", schema, table, name: check.name });
  return [];
}

function createDependent({ schema, table, index, check }: EnumDependent): string[] {
  if (index) return compileCreateIndex({ kind: "createIndex", schema, table, index });
  if (check) return compileAddCheck({ kind: "addCheck", schema, table, check });
  return [];
}

/**
 * Whether the operation compiles to `ALTER TYPE ... ADD VALUE`. PostgreSQL (12 and later) runs
 * that inside a transaction but refuses any use of the new label ("unsafe use of new value")
 * until the transaction commits, so a runner must commit after such an operation before
 * running one that uses the label: a default, a row, a later rebuild of the type.
 */
export function addsEnumLabels(op: Operation): boolean {
  if (op.kind !== "alterEnum") return false;
  const insertions = labelInsertions(op.from, op.to);
  return insertions !== null && insertions.length > 0;
}
