import type { TableColumn } from "typeorm";

/** The parts of TypeORM's `TableColumn` (type already through `normalizeType`) a type needs. */
export type TypedColumn = Pick<
  TableColumn,
  "type" | "length" | "precision" | "scale" | "spatialFeatureType" | "srid"
>;

/**
 * PostgreSQL fills in a modifier TypeORM leaves out: `CREATE TABLE t (c char)` makes a
 * `character(1)` column, so the introspector reads the length back even though no entity
 * ever wrote it.
 */
const implicitLength: Readonly<Record<string, string>> = { character: "1", bit: "1" };

/** `format_type` puts a time precision after the first word: `timestamp(3) with time zone`. */
const timeTypes: Readonly<Record<string, readonly [head: string, tail: string]>> = {
  "time without time zone": ["time", " without time zone"],
  "time with time zone": ["time", " with time zone"],
  "timestamp without time zone": ["timestamp", " without time zone"],
  "timestamp with time zone": ["timestamp", " with time zone"],
};

const spatialTypes: ReadonlySet<string> = new Set(["geometry", "geography"]);

/**
 * The column type TypeORM's `createFullType` writes in `CREATE TABLE`, spelled the way
 * PostgreSQL's `format_type` prints it back, without the array suffix. Enum columns are not
 * handled here: their type is the enum's name.
 *
 * @example
 * canonicalColumnType({ type: "timestamp with time zone", length: "", precision: 3 })
 * // "timestamp(3) with time zone"
 */
export function canonicalColumnType(column: TypedColumn): string {
  const { type } = column;
  const precision = column.precision ?? null;
  const scale = column.scale ?? null;

  const time = timeTypes[type];
  if (time) return precision === null ? type : `${time[0]}(${precision})${time[1]}`;
  // numeric(p) is numeric(p,0) to PostgreSQL; TypeORM ignores a scale without a precision.
  if (type === "numeric") return precision === null ? type : `numeric(${precision},${scale ?? 0})`;
  if (spatialTypes.has(type)) return spatialType(column);

  const length = column.length || implicitLength[type] || "";
  if (length) return `${type}(${length})`;
  if (precision !== null)
    return scale === null ? `${type}(${precision})` : `${type}(${precision},${scale})`;
  return type;
}

/** TypeORM drops the SRID when no feature type is given, so the output does too. */
function spatialType({ type, spatialFeatureType, srid }: TypedColumn): string {
  if (spatialFeatureType == null) return type;
  return srid == null ? `${type}(${spatialFeatureType})` : `${type}(${spatialFeatureType},${srid})`;
}
