import { AutogenError } from "../../errors";
import type { DatabaseSchema, Table } from "../../schema/model";
import { MAX_IDENTIFIER_BYTES } from "./quote";

/** A name PostgreSQL keeps whole. Most names are short enough to need no byte count. */
const fits = (name: string): boolean =>
  name.length * 3 <= MAX_IDENTIFIER_BYTES ||
  Buffer.byteLength(name, "utf8") <= MAX_IDENTIFIER_BYTES;

const show = (name: string) => JSON.stringify(name);

/** A name that does not fit, and how the message points at it. */
interface TooLong {
  readonly name: string;
  readonly what: string;
}

/**
 * The first name that does not fit, or null when all fit. One walk that describes nothing
 * until a name fails: nearly every run passes, and a description per name was most of this
 * check's time.
 */
function firstTooLong(schema: DatabaseSchema): TooLong | null {
  for (const name of schema.schemas) if (!fits(name)) return { name, what: `Schema ${show(name)}` };
  for (const table of schema.tables) {
    const found = tooLongIn(table);
    if (found !== null) return found;
  }
  for (const e of schema.enums) {
    if (!fits(e.name)) return { name: e.name, what: `Enum type ${show(e.schema)}.${show(e.name)}` };
    const label = e.values.find((v) => !fits(v));
    if (label !== undefined) {
      return { name: label, what: `Label ${show(label)} of enum type ${show(e.name)}` };
    }
  }
  const view = (schema.views ?? []).find((v) => !fits(v.name));
  return view === undefined
    ? null
    : { name: view.name, what: `View ${show(view.schema)}.${show(view.name)}` };
}

function tooLongIn(t: Table): TooLong | null {
  if (!fits(t.name)) return { name: t.name, what: `Table ${show(t.schema)}.${show(t.name)}` };
  const on = ` of table ${show(t.schema)}.${show(t.name)}`;
  const column = t.columns.find((c) => !fits(c.name));
  if (column !== undefined) return { name: column.name, what: `Column ${show(column.name)}${on}` };
  const kinds: readonly (readonly [string, readonly { readonly name: string }[]])[] = [
    ["Primary key", t.primaryKey ? [t.primaryKey] : []],
    ["Unique constraint", t.uniques],
    ["Index", t.indexes],
    ["Foreign key", t.foreignKeys],
    ["Check constraint", t.checks],
    ["Exclusion constraint", t.exclusions ?? []],
  ];
  for (const [kind, list] of kinds) {
    const found = list.find((c) => !fits(c.name));
    if (found !== undefined) return { name: found.name, what: `${kind} ${show(found.name)}${on}` };
  }
  return null;
}

/**
 * Refuses a model holding a name PostgreSQL would cut to 63 bytes (enum labels it refuses
 * outright). Checked before anything is generated: a truncated name would never match its
 * entity again, so every later diff would report a change. Bytes, not characters: `ü` is two.
 */
export function assertIdentifierLengths(schema: DatabaseSchema): void {
  const tooLong = firstTooLong(schema);
  if (tooLong === null) return;
  throw new AutogenError(
    "invalid-identifier",
    `${tooLong.what} is ${Buffer.byteLength(tooLong.name, "utf8")} bytes long; PostgreSQL keeps only ${MAX_IDENTIFIER_BYTES}.`,
    "Give the entity, column, constraint or index a shorter explicit name.",
  );
}
