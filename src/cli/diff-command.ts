import type { Argv, CommandModule } from "yargs";
import { DIFF_FORMATS, type DiffFormat } from "../commands/diff-formats";
import { commands } from "./lazy-commands";
import type { CommandContext } from "../commands/command-context";
import { FAIL_ON_KINDS, parseFailOn } from "../lint/fail-on";
import { jsonFlagSet } from "./shared-flags";

interface GlobalArgs {
  config?: string;
  verbose?: boolean;
}

/**
 * `diff [--format text|markdown|json|sql] [--fail-on KINDS]`: the preview, and with `--fail-on`
 * a CI gate. `fail` is called when a named hazard is found (exit 1); the kinds are parsed
 * before the command connects, so a typo is a usage error (exit 2) with no database touched.
 */
export const diffCommand = (
  context: (args: GlobalArgs) => CommandContext,
  fail: () => void,
): CommandModule<
  GlobalArgs,
  GlobalArgs & { json?: boolean; format: string; "fail-on"?: string[] }
> => ({
  command: "diff",
  describe: "Print what `revision` would generate (review and SQL, or a summary); writes nothing",
  builder: (y: Argv<GlobalArgs>) =>
    y
      .options(jsonFlagSet)
      .option("format", {
        type: "string",
        choices: DIFF_FORMATS,
        default: "text",
        describe: "text (review and SQL), markdown (a PR comment), json (the summary), sql",
      })
      .option("fail-on", {
        type: "string",
        array: true,
        describe: `Exit 1 when the upgrade has one of these hazards: ${Object.keys(FAIL_ON_KINDS).join(", ")}`,
      }),
  handler: async (a) => {
    const failOn = parseFailOn(a["fail-on"] ?? []);
    const ctx = context(a);
    const result = await commands
      .diff()
      .diff(ctx, { json: a.json, format: a.format as DiffFormat, failOn });
    if (result.failures.length === 0) return;
    ctx.out.info(`diff --fail-on: the upgrade ${result.failures.join("; ")}.`);
    fail();
  },
});
