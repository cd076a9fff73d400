import type { Argv, CommandModule } from "yargs";
import type { CommandContext } from "../commands/command-context";
import { commands } from "./lazy-commands";
import { ownOptionsFirst } from "./help";
import { jsonFlagSet, lockFlagSet, lockOptions, sqlFlagSet } from "./shared-flags";

interface GlobalArgs {
  config?: string;
  verbose?: boolean;
}

type Context = (args: GlobalArgs) => CommandContext;

/** Lets each module's handler see the options its builder declares. */
const commandModule = <U>(m: CommandModule<GlobalArgs, U>): CommandModule<GlobalArgs, U> => m;

/** Repeatable string flags come back as a string or an array; always an array here. */
const list = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : ([] as string[]).concat(value);

/*
 * The revision-graph commands Alembic users know: `merge`, `branches`, `show` and `stamp`,
 * kept apart from main.ts's list so that file stays a table of contents. Each command's
 * module is required when it runs (lazy-commands.ts).
 */

export const mergeCommand = (context: Context) =>
  commandModule({
    command: "merge [revisions..]",
    describe: "Write a revision that joins branches (default: all heads); needs no database",
    builder: (y: Argv<GlobalArgs>) =>
      ownOptionsFirst(
        y
          .positional("revisions", {
            type: "string",
            array: true,
            describe: "Revisions to merge: ids, partial ids, labels, label@head (default heads)",
          })
          .option("message", {
            alias: "m",
            type: "string",
            demandOption: true,
            describe: "What the merge is for",
          })
          .option("branch-label", {
            type: "string",
            array: true,
            describe: "Branch label for the merge revision (repeatable)",
          })
          .option("rev-id", { type: "string", describe: "Revision id instead of a random one" }),
      ),
    handler: async (a) =>
      void (await commands.merge().merge(context(a), {
        message: a.message,
        revisions: list(a.revisions),
        branchLabels: list(a["branch-label"]),
        revId: a["rev-id"],
      })),
  });

export const branchesCommand = (context: Context) =>
  commandModule({
    command: "branches",
    describe: "List the branch points and the branches that leave them",
    builder: (y: Argv<GlobalArgs>) => ownOptionsFirst(y.options(jsonFlagSet)),
    handler: async (a) =>
      void (await commands.branches().branches(context(a), { verbose: a.verbose, json: a.json })),
  });

export const showCommand = (context: Context) =>
  commandModule({
    command: "show <revision>",
    describe: "Show one revision: header, file, parents, children and what it does",
    builder: (y: Argv<GlobalArgs>) =>
      ownOptionsFirst(
        y
          .positional("revision", {
            type: "string",
            demandOption: true,
            describe: "An id, a partial id (4+ characters), a branch label, head or heads",
          })
          .options(jsonFlagSet),
      ),
    handler: async (a) =>
      void (await commands.show().show(context(a), { revision: a.revision, json: a.json })),
  });

export const stampCommand = (context: Context) =>
  commandModule({
    command: "stamp <revision>",
    describe: "Set the version table to REVISION without running migrations",
    builder: (y: Argv<GlobalArgs>) =>
      ownOptionsFirst(
        y
          .positional("revision", {
            type: "string",
            demandOption: true,
            describe: "head, heads, base, an id, label@head, -N, or FROM:TO with --sql",
          })
          .option("purge", {
            type: "boolean",
            describe: "Empty the version table first, whatever it holds",
          })
          .options(sqlFlagSet)
          .options(lockFlagSet),
      ),
    handler: async (a) =>
      void (await commands.stamp().stamp(context(a), {
        revision: a.revision,
        purge: a.purge,
        sql: a.sql,
        ...lockOptions(a),
      })),
  });
