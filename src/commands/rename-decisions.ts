import type { SqlClient } from "../dialect/dialect";
import { compareEntities, type Comparison } from "../autogen/compare-entities";
import { mergeHints, renameFlag } from "../config/rename-hints";
import { renameShape, type RenameCandidate, type RenameHints } from "../diff/renames";
import { RevisionError } from "../errors";
import type { Workspace } from "./workspace";

const describe = (c: RenameCandidate): string => {
  switch (c.kind) {
    case "table":
      return `table "${c.from}" is dropped and "${c.to}" created`;
    case "column":
      return `"${c.table}"."${c.from}" is dropped and "${c.to}" added`;
    case "enumValue":
      return `enum "${c.table}" loses the label '${c.from}' and gains '${c.to}' in its place`;
  }
};

const NO_HINTS: RenameHints = { tables: [], columns: [], enumValues: [] };

const hintOf = (c: RenameCandidate): RenameHints => {
  const { schema, from, to } = c;
  switch (c.kind) {
    case "table":
      return { ...NO_HINTS, tables: [{ schema, from, to }] };
    case "column":
      return { ...NO_HINTS, columns: [{ schema, table: c.table as string, from, to }] };
    case "enumValue":
      return { ...NO_HINTS, enumValues: [{ schema, type: c.table as string, from, to }] };
  }
};

const WHAT_IT_NAMES: Readonly<Record<RenameCandidate["kind"], string>> = {
  table: "table that is dropped while the new name is created",
  column: "column that is dropped while the new name is added",
  enumValue: "enum label that is removed while the new one is added",
};

export interface RenameChoices {
  /** Renames given on the command line: each must match, unlike the config's. */
  readonly flags: RenameHints;
  /** `--no-renames`: the drop-and-add pairs really are drops and adds. */
  readonly refuse: boolean;
}

/**
 * The comparison `revision` writes, with every plausible rename decided: by a config hint or
 * a flag, by the person at the terminal, or by `--no-renames`. Without a terminal an open
 * pair stops the run with the flags that would decide it, so CI never loses data on a guess.
 */
export async function decideRenames(
  ws: Workspace,
  client: SqlClient,
  choices: RenameChoices,
): Promise<Comparison> {
  let hints = mergeHints(ws.options.renames, choices.flags);
  const asked = new Set<string>();
  for (;;) {
    const comparison = await compareEntities(ws.config.dataSource, client, {
      ...ws.options,
      dialect: ws.dialect,
      renames: hints,
    });
    const unmatched = [
      ...choices.flags.tables,
      ...choices.flags.columns,
      ...(choices.flags.enumValues ?? []),
    ].filter((hint) => !comparison.renames.applied.includes(hint));
    if (unmatched.length > 0) {
      const shape = renameShape(unmatched[0]!);
      throw new RevisionError(
        `${renameFlag(shape)} names no ${WHAT_IT_NAMES[shape.kind]}`,
        "check the names against the entities and the database (`autogen diff` shows the drops and adds)",
      );
    }
    const open = comparison.renames.undecided.filter((c) => !asked.has(JSON.stringify(c)));
    if (open.length === 0 || choices.refuse) return comparison;
    const confirm = ws.context.confirm;
    if (!confirm) {
      throw new RevisionError(
        `${open.map(describe).join("; ")}: ${open.length === 1 ? "this may be a rename" : "these may be renames"}, and dropping loses the data`,
        `pass ${open.map(renameFlag).join(" ")} to rename and keep the rows, or --no-renames if ${open.length === 1 ? "it really is" : "they really are"} dropped and added`,
      );
    }
    let taken = false;
    for (const candidate of open) {
      asked.add(JSON.stringify(candidate));
      if (await confirm(`${describe(candidate)}: is it a rename (keeps the data)?`)) {
        hints = mergeHints(hints, hintOf(candidate));
        taken = true;
      }
    }
    if (!taken) return comparison;
  }
}
