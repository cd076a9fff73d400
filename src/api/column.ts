import type { Column } from "../schema/model";
import type { ColumnChange } from "../ops/operations";

/**
 * The optional attributes of `op.column`. Each omitted one takes the value TypeORM gives an
 * undecorated column: not null, no default, not an array, a built-in type, no comment.
 */
export interface ColumnOptions {
  /** Defaults to false, as in TypeORM. */
  readonly nullable?: boolean;
  /** An SQL expression as PostgreSQL prints it, such as `"now()"` or `"'draft'"`. */
  readonly default?: string | null;
  /** The column holds an array of `type`. */
  readonly array?: boolean;
  /** Schema of a user-defined type (an enum); leave out for built-in types. */
  readonly typeSchema?: string | null;
  /** A `serial`-style column whose default is `nextval` of a sequence it owns. */
  readonly serial?: boolean;
  readonly comment?: string | null;
}

/**
 * Builds a column definition for `op.createTable` and `op.addColumn`.
 *
 * @example
 * op.column("email", "character varying(255)", { nullable: true })
 * op.column("role", "users_role_enum", { typeSchema: "public", default: "'member'" })
 */
export function column(name: string, type: string, options: ColumnOptions = {}): Column {
  return {
    name,
    type,
    typeSchema: options.typeSchema ?? null,
    isArray: options.array ?? false,
    nullable: options.nullable ?? false,
    default: options.default ?? null,
    serial: options.serial ?? false,
    comment: options.comment ?? null,
  };
}

/**
 * One side of an `op.alterColumn`: only the attributes that change, named as in
 * `op.column`. A key that is present, even with a null value, is part of the change.
 */
export interface ColumnAttributes {
  readonly type?: string;
  readonly typeSchema?: string | null;
  readonly array?: boolean;
  readonly nullable?: boolean;
  readonly default?: string | null;
  readonly comment?: string | null;
}

/** Maps `op.column` attribute names to the model's, keeping exactly the keys given. */
export function toColumnChange(attributes: ColumnAttributes): ColumnChange {
  const change: { -readonly [K in keyof ColumnChange]: ColumnChange[K] } = {};
  if (attributes.type !== undefined) change.type = attributes.type;
  if (attributes.typeSchema !== undefined) change.typeSchema = attributes.typeSchema;
  if (attributes.array !== undefined) change.isArray = attributes.array;
  if (attributes.nullable !== undefined) change.nullable = attributes.nullable;
  if (attributes.default !== undefined) change.default = attributes.default;
  if (attributes.comment !== undefined) change.comment = attributes.comment;
  return change;
}
