import { AutogenError } from "../../errors";
import type { DatabaseSchema, Table } from "../../schema/model";
import { MAX_IDENTIFIER_BYTES } from "./quote";

/**
 * One name in the model, and how to point at it in a message: a function, because the
 * message is needed for one name in a failing run and for none in the others.
 */
interface Named {
  readonly name: string;
  readonly what: () => string;
}

const show = (name: string) => JSON.stringify(name);

function tableNames(t: Table): Named[] {
  const on = () => ` of table ${show(t.schema)}.${show(t.name)}`;
  const constraint = (kind: string) => (c: { name: string }) => ({
    name: c.name,
    what: () => `${kind} ${show(c.name)}${on()}`,
  });
  return [
    { name: t.name, what: () => `Table ${show(t.schema)}.${show(t.name)}` },
    ...t.columns.map((c) => ({ name: c.name, what: () => `Column ${show(c.name)}${on()}` })),
    ...(t.primaryKey ? [constraint("Primary key")(t.primaryKey)] : []),
    ...t.uniques.map(constraint("Unique constraint")),
    ...t.indexes.map(constraint("Index")),
    ...t.foreignKeys.map(constraint("Foreign key")),
    ...t.checks.map(constraint("Check constraint")),
    ...(t.exclusions ?? []).map(constraint("Exclusion constraint")),
  ];
}

function modelNames(schema: DatabaseSchema): Named[] {
  return [
    ...schema.schemas.map((name) => ({ name, what: () => `Schema ${show(name)}` })),
    ...schema.tables.flatMap(tableNames),
    ...schema.enums.flatMap((e) => [
      { name: e.name, what: () => `Enum type ${show(e.schema)}.${show(e.name)}` },
      ...e.values.map((v) => ({
        name: v,
        what: () => `Label ${show(v)} of enum type ${show(e.name)}`,
      })),
    ]),
    ...(schema.views ?? []).map((v) => ({
      name: v.name,
      what: () => `View ${show(v.schema)}.${show(v.name)}`,
    })),
  ];
}

/** A name PostgreSQL keeps whole. Most names are short enough to need no byte count. */
const fits = (name: string): boolean =>
  name.length * 3 <= MAX_IDENTIFIER_BYTES ||
  Buffer.byteLength(name, "utf8") <= MAX_IDENTIFIER_BYTES;

/**
 * Whether every name of the model fits: a walk that builds nothing, since nearly every run
 * passes (building the `Named` list for every name was most of this check's time).
 */
function allNamesFit(schema: DatabaseSchema): boolean {
  const named = (list: readonly { readonly name: string }[] | undefined) =>
    (list ?? []).every((item) => fits(item.name));
  return (
    schema.schemas.every(fits) &&
    schema.tables.every(
      (t) =>
        fits(t.name) &&
        named(t.columns) &&
        (t.primaryKey === null || fits(t.primaryKey.name)) &&
        named(t.uniques) &&
        named(t.indexes) &&
        named(t.foreignKeys) &&
        named(t.checks) &&
        named(t.exclusions),
    ) &&
    schema.enums.every((e) => fits(e.name) && e.values.every(fits)) &&
    named(schema.views)
  );
}

/**
 * Refuses a model holding a name PostgreSQL would cut to 63 bytes (enum labels it refuses
 * outright). Checked before anything is generated: a truncated name would never match its
 * entity again, so every later diff would report a change. Bytes, not characters: `ü` is two.
 */
export function assertIdentifierLengths(schema: DatabaseSchema): void {
  if (allNamesFit(schema)) return;
  const tooLong = modelNames(schema).find((n) => !fits(n.name));
  if (!tooLong) return;
  throw new AutogenError(
    "invalid-identifier",
    `${tooLong.what()} is ${Buffer.byteLength(tooLong.name, "utf8")} bytes long; PostgreSQL keeps only ${MAX_IDENTIFIER_BYTES}.`,
    "Give the entity, column, constraint or index a shorter explicit name.",
  );
}
