import type { ColumnRename, EnumValueRename, RenameHints, TableRename } from "../diff/renames";
import { DEFAULT_SCHEMA } from "../schema/model";

/**
 * Rename hints as users write them, in the config (`renames`, `renameTables`) and on the
 * command line (`--rename users.fullname=full_name`, `--rename-table tags=labels`). A column
 * is `table.column` or `schema.table.column`; a table is `table` or `schema.table`; the new
 * name is a bare name (a rename stays in its schema and table). Each parser returns null for
 * text it cannot read, and its caller says where the text came from.
 */

export function parseColumnRename(from: string, to: string): ColumnRename | null {
  const parts = from.split(".");
  if (to === "" || to.includes(".") || parts.some((p) => p === "")) return null;
  if (parts.length === 2) {
    return { schema: DEFAULT_SCHEMA, table: parts[0]!, from: parts[1]!, to };
  }
  if (parts.length === 3) return { schema: parts[0]!, table: parts[1]!, from: parts[2]!, to };
  return null;
}

export function parseTableRename(from: string, to: string): TableRename | null {
  const parts = from.split(".");
  if (to === "" || to.includes(".") || parts.some((p) => p === "")) return null;
  if (parts.length === 1) return { schema: DEFAULT_SCHEMA, from: parts[0]!, to };
  if (parts.length === 2) return { schema: parts[0]!, from: parts[1]!, to };
  return null;
}

/**
 * An enum label: `type.label` (in public) or `schema.type.label`; with three parts or more the
 * first is the schema and the rest after the type is the label, so a label holding a dot is
 * written schema-qualified (`public.version_enum.v1.2`). The new label is taken as it is.
 */
export function parseEnumValueRename(from: string, to: string): EnumValueRename | null {
  const parts = from.split(".");
  if (to === "" || parts.length < 2 || parts.slice(0, 2).some((p) => p === "")) return null;
  const label = parts.length === 2 ? parts[1]! : parts.slice(2).join(".");
  if (label === "") return null;
  return parts.length === 2
    ? { schema: DEFAULT_SCHEMA, type: parts[0]!, from: label, to }
    : { schema: parts[0]!, type: parts[1]!, from: label, to };
}

/** `old=new` split at its one `=`; null when there is none. */
export function splitFlag(text: string): [string, string] | null {
  const at = text.indexOf("=");
  if (at <= 0 || at !== text.lastIndexOf("=")) return null;
  return [text.slice(0, at).trim(), text.slice(at + 1).trim()];
}

/** Both kinds together, tables first. */
export function mergeHints(...all: readonly RenameHints[]): RenameHints {
  return {
    tables: all.flatMap((h) => h.tables),
    columns: all.flatMap((h) => h.columns),
    enumValues: all.flatMap((h) => h.enumValues ?? []),
  };
}

/** The flag that takes a rename, as `revision` prints it for CI. */
export function renameFlag(rename: {
  kind: "table" | "column" | "enumValue";
  schema: string;
  table: string | null;
  from: string;
  to: string;
}): string {
  const prefix = rename.schema === DEFAULT_SCHEMA ? "" : `${rename.schema}.`;
  switch (rename.kind) {
    case "table":
      return `--rename-table ${prefix}${rename.from}=${rename.to}`;
    case "column":
      return `--rename ${prefix}${rename.table}.${rename.from}=${rename.to}`;
    case "enumValue": {
      // A label with a dot (or `=`) is only read back schema-qualified (see parseEnumValueRename).
      const qualified = prefix === "" && rename.from.includes(".") ? `${DEFAULT_SCHEMA}.` : prefix;
      return `--rename-enum-value ${qualified}${rename.table}.${rename.from}=${rename.to}`;
    }
  }
}
