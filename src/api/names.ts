import { DEFAULT_SCHEMA, type TableRef } from "../schema/model";

/**
 * How a migration file names a table or a type: a plain string is a name in the `public`
 * schema, an object names the schema too. A string is never split at dots, because names
 * may contain them.
 *
 * @example
 * op.dropTable("users");
 * op.dropTable({ schema: "blog", name: "posts" });
 */
export type QualifiedName = string | { readonly schema: string; readonly name: string };

/** A table, as migration files name it. */
export type TableName = QualifiedName;

/** An enum (or other user-defined) type, as migration files name it. */
export type TypeName = QualifiedName;

/** The schema-and-name pair a `QualifiedName` stands for. */
export function resolveName(name: QualifiedName): TableRef {
  return typeof name === "string"
    ? { schema: DEFAULT_SCHEMA, name }
    : { schema: name.schema, name: name.name };
}
