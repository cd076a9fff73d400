import {
  parseColumnRename,
  parseEnumValueRename,
  parseTableRename,
  splitFlag,
} from "../config/rename-hints";
import type { RenameHints } from "../diff/renames";
import { UsageError } from "../errors";

/** `revision`'s rename flags; `--no-renames` is yargs' negation of `renames`. */
export const renameFlagSet = {
  rename: {
    type: "string",
    array: true,
    describe: "A renamed column, kept with its rows: table.old=new (repeatable)",
  },
  "rename-table": {
    type: "string",
    array: true,
    describe: "A renamed table, kept with its rows: old=new (repeatable)",
  },
  "rename-enum-value": {
    type: "string",
    array: true,
    describe: "A renamed enum label, rows keep their value: enum_type.old=new (repeatable)",
  },
  renames: {
    type: "boolean",
    default: true,
    describe: "With --no-renames, plausible renames are written as drop and add",
  },
} as const;

/** The flags as hints, checked before anything connects (a usage error, exit 2). */
export function renameHints(args: {
  rename?: string[];
  "rename-table"?: string[];
  "rename-enum-value"?: string[];
}): RenameHints {
  const read = <T>(
    flag: string,
    text: string,
    parse: (from: string, to: string) => T | null,
  ): T => {
    const parts = splitFlag(text);
    const hint = parts && parse(parts[0], parts[1]);
    if (!hint) {
      const shape =
        flag === "--rename"
          ? "table.old=new (or schema.table.old=new)"
          : flag === "--rename-enum-value"
            ? "enum_type.old=new (or schema.enum_type.old=new)"
            : "old=new (or schema.old=new)";
      throw new UsageError(`${flag} ${text} must be ${shape}.`);
    }
    return hint;
  };
  return {
    tables: (args["rename-table"] ?? []).map((t) => read("--rename-table", t, parseTableRename)),
    columns: (args.rename ?? []).map((t) => read("--rename", t, parseColumnRename)),
    enumValues: (args["rename-enum-value"] ?? []).map((t) =>
      read("--rename-enum-value", t, parseEnumValueRename),
    ),
  };
}
