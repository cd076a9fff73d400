import fc from "fast-check";
import {
  Check,
  Column,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from "typeorm";
import type { ColumnOptions } from "typeorm";
import {
  entity,
  type ClassDecorator,
  type EntityClass,
  type Members,
} from "../autogen/support/entity";

/**
 * A small grammar of entity definitions, for random pairs of schemas that share names: three
 * tables, each with column slots of fixed families, so that the two sides of a pair overlap
 * and autogenerate has columns to alter, not only tables to create.
 *
 * A slot's family never changes between the sides (its name says which: `i0` is an integer,
 * `s0` a string...) and types change only within a family, where every conversion keeps the
 * sample value the data check puts in: property 4 is about migrations that can keep data.
 */
const FAMILIES = {
  i: { types: [{ type: "int" }, { type: "bigint" }], defaults: [0, -5, () => "(1 + 2)"] },
  s: {
    types: [{ type: "varchar", length: 20 }, { type: "varchar", length: 40 }, { type: "text" }],
    defaults: ["x", "a\\b", 'say "hi"'],
  },
  n: {
    types: [
      { type: "numeric", precision: 10, scale: 2 },
      { type: "numeric", precision: 12, scale: 4 },
    ],
    defaults: [1.5, "5.00"],
  },
  b: { types: [{ type: "boolean" }], defaults: [true, false] },
  t: {
    types: [{ type: "timestamptz" }, { type: "timestamptz", precision: 3 }],
    defaults: [() => "now()", () => "CURRENT_TIMESTAMP"],
  },
  j: { types: [{ type: "jsonb" }], defaults: [{ a: 1 }, []] },
  u: { types: [{ type: "uuid" }], defaults: [() => "gen_random_uuid()"] },
  e: { types: [{ type: "enum", enumName: "mood" }], defaults: ["a"] },
  a: {
    types: [
      { type: "text", array: true },
      { type: "varchar", length: 20, array: true },
    ],
    defaults: [[], ["x", "y"]],
  },
} satisfies Record<string, { types: ColumnOptions[]; defaults: ColumnOptions["default"][] }>;

type Family = keyof typeof FAMILIES;
const SLOTS = ["i0", "s0", "n0", "b0", "t0", "j0", "u0", "e0", "a0", "i1", "s1"] as const;
/**
 * Check expressions on the first integer column. The seeded value (1) and every default of
 * the family satisfy each: a column dropped and added back by a downgrade holds its default.
 */
const CHECKS = [`> -100`, `< 1000`, `>= -10`] as const;
const TABLES = ["t0", "t1", "t2"] as const;
const familyOf = (slot: string): Family => slot[0] as Family;

export interface ColumnSpec {
  readonly slot: string;
  readonly type: number;
  readonly nullable: boolean;
  /** Index into the family's defaults, or null for none. */
  readonly default: number | null;
  readonly comment: string | null;
}
export interface IndexSpec {
  readonly columns: readonly string[];
  readonly unique: boolean;
  readonly partial: boolean;
}
export interface ForeignKeySpec {
  readonly target: number;
  readonly onDelete: "NO ACTION" | "CASCADE" | "SET NULL";
}
export interface TableSpec {
  readonly exists: boolean;
  readonly columns: readonly ColumnSpec[];
  readonly indexes: readonly IndexSpec[];
  readonly unique: readonly string[];
  readonly foreignKey: ForeignKeySpec | null;
  /** Index into CHECKS, applied to the table's first integer column when it has one. */
  readonly check: number | null;
  readonly comment: string | null;
}
export interface SchemaSpec {
  readonly tables: readonly TableSpec[];
  /** The labels of the shared enum `mood`: always starting with `a`, the seeded value. */
  readonly mood: readonly string[];
}

const column = (slot: string): fc.Arbitrary<ColumnSpec> => {
  const family = FAMILIES[familyOf(slot)];
  return fc.record({
    slot: fc.constant(slot),
    type: fc.nat(family.types.length - 1),
    nullable: fc.boolean(),
    default: fc.option(fc.nat(family.defaults.length - 1), { freq: 2 }),
    comment: fc.constantFrom(null, null, "note", "it's"),
  });
};

const table = (index: number): fc.Arbitrary<TableSpec> =>
  fc.record({
    exists: index === 0 ? fc.constant(true) : fc.boolean(),
    columns: fc
      .shuffledSubarray([...SLOTS], { maxLength: 4 })
      .chain((slots): fc.Arbitrary<readonly ColumnSpec[]> =>
        slots.length === 0 ? fc.constant([]) : fc.tuple(...slots.map(column)),
      ),
    indexes: fc.array(
      fc.record({
        columns: fc.shuffledSubarray([...SLOTS], { minLength: 1, maxLength: 2 }),
        unique: fc.boolean(),
        partial: fc.boolean(),
      }),
      { maxLength: 2 },
    ),
    unique: fc.shuffledSubarray([...SLOTS], { maxLength: 2 }),
    foreignKey: fc.option(
      fc.record({
        target: fc.nat(TABLES.length - 1),
        onDelete: fc.constantFrom("NO ACTION" as const, "CASCADE" as const, "SET NULL" as const),
      }),
    ),
    check: fc.option(fc.nat(CHECKS.length - 1)),
    comment: fc.constantFrom(null, "a table"),
  });

const mood = fc.shuffledSubarray(["b", "c", "d"]).map((rest) => ["a", ...rest]);

export const schemaSpec: fc.Arbitrary<SchemaSpec> = fc.record({
  tables: fc.tuple(...TABLES.map((_, i) => table(i))),
  mood,
});

/** The same value most of the time, else a new one: the sides of a pair mostly agree. */
const keepOr = <T>(value: T, other: fc.Arbitrary<T>): fc.Arbitrary<T> =>
  fc.oneof({ weight: 2, arbitrary: fc.constant(value) }, { weight: 1, arbitrary: other });

/** A table of the second side: the first side's, with some columns changed, dropped or added. */
function changedTable(spec: TableSpec, index: number): fc.Arbitrary<TableSpec> {
  const kept = spec.columns.map((c) =>
    fc.oneof(
      { weight: 2, arbitrary: fc.constant<ColumnSpec | null>(c) },
      { weight: 2, arbitrary: column(c.slot) },
      { weight: 1, arbitrary: fc.constant(null) },
    ),
  );
  const free = SLOTS.filter((slot) => !presentSlots(spec).has(slot));
  const added = fc
    .shuffledSubarray(free, { maxLength: 2 })
    .chain((slots): fc.Arbitrary<readonly ColumnSpec[]> =>
      slots.length === 0 ? fc.constant([]) : fc.tuple(...slots.map(column)),
    );
  const fresh = table(index);
  return fc.record({
    exists: index === 0 ? fc.constant(true) : keepOr(spec.exists, fc.boolean()),
    columns: fc
      .tuple(kept.length === 0 ? fc.constant([]) : fc.tuple(...kept), added)
      .map(([old, extra]) => [...old.filter((c): c is ColumnSpec => c !== null), ...extra]),
    indexes: keepOr(
      spec.indexes,
      fresh.map((t) => t.indexes),
    ),
    unique: keepOr(
      spec.unique,
      fresh.map((t) => t.unique),
    ),
    foreignKey: keepOr(
      spec.foreignKey,
      fresh.map((t) => t.foreignKey),
    ),
    check: keepOr(
      spec.check,
      fresh.map((t) => t.check),
    ),
    comment: keepOr(
      spec.comment,
      fresh.map((t) => t.comment),
    ),
  });
}

/** A pair of schemas, the second a variation of the first. */
export const schemaPair: fc.Arbitrary<readonly [SchemaSpec, SchemaSpec]> = schemaSpec.chain(
  (before) =>
    fc.tuple(
      fc.constant(before),
      fc.record({
        tables: fc.tuple(...before.tables.map(changedTable)),
        mood: keepOr(before.mood, mood),
      }),
    ),
);

/** Whether a column is NOT NULL without a default: rows already there cannot get it. */
export const needsValue = (c: ColumnSpec): boolean => !c.nullable && c.default === null;

/** The slots of a table on one side that hold a column. */
export const presentSlots = (t: TableSpec): Set<string> => new Set(t.columns.map((c) => c.slot));

function columnOptions(spec: ColumnSpec, mood: readonly string[]): ColumnOptions {
  const family = FAMILIES[familyOf(spec.slot)];
  const options: ColumnOptions = { ...family.types[spec.type], nullable: spec.nullable };
  return {
    ...options,
    ...(options.type === "enum" ? { enum: [...mood] } : {}),
    ...(spec.default === null ? {} : { default: family.defaults[spec.default] }),
    ...(spec.comment === null ? {} : { comment: spec.comment }),
  };
}

/** The entity classes one side of a pair describes. */
export function entitiesOf(schema: SchemaSpec): EntityClass[] {
  const classes: (EntityClass | null)[] = [];
  schema.tables.forEach((spec, i) => {
    if (!spec.exists) return void classes.push(null);
    const name = TABLES[i]!;
    const present = presentSlots(spec);
    const members: Record<string, Members[string]> = { id: PrimaryGeneratedColumn() };
    for (const c of spec.columns) members[c.slot] = Column(columnOptions(c, schema.mood));
    const target =
      spec.foreignKey && schema.tables[spec.foreignKey.target]?.exists ? spec.foreignKey : null;
    if (target) {
      const onDelete = target.onDelete;
      members.ref = [
        ManyToOne(() => classes[target.target]!, { nullable: true, onDelete }),
        JoinColumn({ name: "r0" }),
      ];
    }
    const decorators: ClassDecorator[] = [];
    spec.indexes.forEach((index, k) => {
      const columns = index.columns.filter((c) => present.has(c));
      if (columns.length === 0) return;
      const where = index.partial ? { where: `"${columns[0]}" IS NOT NULL` } : {};
      decorators.push(Index(`IDX_${name}_${k}`, columns, { unique: index.unique, ...where }));
    });
    const integer = ["i0", "i1"].find((c) => present.has(c));
    if (integer && spec.check !== null) {
      decorators.push(Check(`CHK_${name}`, `"${integer}" ${CHECKS[spec.check]}`));
    }
    const unique = spec.unique.filter((c) => present.has(c));
    if (unique.length > 0) decorators.push(Unique(`UQ_${name}`, unique));
    classes.push(
      entity(
        { name, decorators, ...(spec.comment === null ? {} : { comment: spec.comment }) },
        members,
      ),
    );
  });
  return classes.filter((c): c is EntityClass => c !== null);
}

/** Describes a pair for a failure message: which slots each table holds on each side. */
export function describePair(before: SchemaSpec, after: SchemaSpec): string {
  return JSON.stringify({ before, after });
}

export { TABLES };
