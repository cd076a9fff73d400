import { IntrospectionError } from "../errors";
import type {
  CheckConstraint,
  Deferrable,
  ExclusionConstraint,
  ForeignKey,
  PrimaryKey,
  ReferentialAction,
  UniqueConstraint,
} from "../schema/model";
import type { ConstraintRow } from "./catalog-rows";

/** `pg_constraint.confdeltype` / `confupdtype` codes. */
const REFERENTIAL_ACTIONS: Readonly<Record<string, ReferentialAction>> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

// `CHECK (<expr>)` followed by the flags pg_get_constraintdef may append. The flags are not
// part of the model: a NOT VALID check still constrains every new row.
const CHECK_DEFINITION = /^CHECK \((.*)\)((?: NO INHERIT| NOT VALID| NOT ENFORCED)*)$/s;

/**
 * The expression of a check as the model stores it: `pg_get_constraintdef` output without
 * the outer `CHECK (` ... `)`, so `CHECK ((price > 0))` -> `(price > 0)`.
 */
export function checkExpression(definition: string): string {
  const match = CHECK_DEFINITION.exec(definition);
  if (!match?.[1]) {
    throw new IntrospectionError("constraints", `Unexpected check definition: ${definition}`);
  }
  return match[1];
}

// `EXCLUDE <expression>` followed by the deferrability pg_get_constraintdef appends, which the
// model keeps apart.
const EXCLUSION_DEFINITION = /^EXCLUDE (.*?)(?: DEFERRABLE)?(?: INITIALLY DEFERRED)?$/s;

/**
 * What follows `EXCLUDE` in an exclusion constraint's definition, without the deferrability:
 * `EXCLUDE USING gist (room WITH =) DEFERRABLE` -> `USING gist (room WITH =)`.
 */
export function exclusionExpression(definition: string): string {
  const match = EXCLUSION_DEFINITION.exec(definition);
  if (!match?.[1]) {
    throw new IntrospectionError("constraints", `Unexpected exclusion definition: ${definition}`);
  }
  return match[1];
}

/** The row's deferrability as the model keeps it: only when the constraint is deferrable. */
const deferrableOf = (row: ConstraintRow): { deferrable?: Deferrable } =>
  row.deferrable === null ? {} : { deferrable: row.deferrable };

function referentialAction(code: string | null, row: ConstraintRow): ReferentialAction {
  const action = code === null ? undefined : REFERENTIAL_ACTIONS[code];
  if (!action) {
    throw new IntrospectionError(
      "constraints",
      `Foreign key "${row.name}" on ${row.schema}.${row.table} has an unknown action code ${JSON.stringify(code)}.`,
    );
  }
  return action;
}

function referenced(name: string | null, row: ConstraintRow): string {
  // Only a catalog read in the middle of a DROP could see a key without its target.
  if (name === null) {
    throw new IntrospectionError(
      "constraints",
      `Foreign key "${row.name}" on ${row.schema}.${row.table} references no table.`,
    );
  }
  return name;
}

/** The constraints of one table, split by kind, as the model's `Table` holds them. */
export interface TableConstraints {
  readonly primaryKey: PrimaryKey | null;
  readonly uniques: readonly UniqueConstraint[];
  readonly foreignKeys: readonly ForeignKey[];
  readonly checks: readonly CheckConstraint[];
  /** Present only when the table has some, as the model wants it. */
  readonly exclusions?: readonly ExclusionConstraint[];
}

/** Sorts the constraint rows of one table into the model's fields. */
export function constraintsFromRows(rows: readonly ConstraintRow[]): TableConstraints {
  let primaryKey: PrimaryKey | null = null;
  const uniques: UniqueConstraint[] = [];
  const foreignKeys: ForeignKey[] = [];
  const checks: CheckConstraint[] = [];
  const exclusions: ExclusionConstraint[] = [];
  for (const row of rows) {
    switch (row.type) {
      case "p":
        primaryKey = { name: row.name, columns: row.columns };
        break;
      case "u":
        uniques.push({ name: row.name, columns: row.columns, ...deferrableOf(row) });
        break;
      case "f":
        foreignKeys.push({
          name: row.name,
          columns: row.columns,
          referencedSchema: referenced(row.referenced_schema, row),
          referencedTable: referenced(row.referenced_table, row),
          referencedColumns: row.referenced_columns,
          onDelete: referentialAction(row.on_delete, row),
          onUpdate: referentialAction(row.on_update, row),
          ...deferrableOf(row),
        });
        break;
      case "c":
        checks.push({ name: row.name, expression: checkExpression(row.definition ?? "") });
        break;
      case "x":
        exclusions.push({
          name: row.name,
          expression: exclusionExpression(row.definition ?? ""),
          ...deferrableOf(row),
        });
        break;
      default:
        return assertNever(row.type);
    }
  }
  return { primaryKey, uniques, foreignKeys, checks, ...(exclusions.length ? { exclusions } : {}) };
}

function assertNever(value: never): never {
  throw new IntrospectionError("constraints", `Unexpected constraint type ${String(value)}.`);
}
