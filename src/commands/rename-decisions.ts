import type { SqlClient } from "../dialect/dialect";
import { compareEntities, type Comparison } from "../autogen/compare-entities";
import { mergeHints, renameFlag } from "../config/rename-hints";
import type { ColumnRename, RenameCandidate, RenameHints, TableRename } from "../diff/renames";
import { RevisionError } from "../errors";
import type { Workspace } from "./workspace";

const describe = (c: RenameCandidate): string =>
  c.kind === "table"
    ? `table "${c.from}" is dropped and "${c.to}" created`
    : `"${c.table}"."${c.from}" is dropped and "${c.to}" added`;

const hintOf = (c: RenameCandidate): RenameHints =>
  c.kind === "table"
    ? { tables: [{ schema: c.schema, from: c.from, to: c.to }], columns: [] }
    : {
        tables: [],
        columns: [{ schema: c.schema, table: c.table as string, from: c.from, to: c.to }],
      };

const flagOf = (hint: TableRename | ColumnRename): string =>
  "table" in hint
    ? renameFlag({ kind: "column", ...hint })
    : renameFlag({ kind: "table", table: null, ...hint });

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
    const unmatched = [...choices.flags.tables, ...choices.flags.columns].filter(
      (hint) => !comparison.renames.applied.includes(hint),
    );
    if (unmatched.length > 0) {
      throw new RevisionError(
        `${flagOf(unmatched[0]!)} names no ${"table" in unmatched[0]! ? "column" : "table"} that is dropped while the new name is added`,
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
