/**
 * What a page says about running one fenced block, in an HTML comment just before it (prettier
 * puts a blank line between):
 *
 *     <!-- doctest: setup=add-bio; exit=1 for check -->
 *
 * Directives are separated by `;`:
 * - `setup=NAME[, NAME...]`: bring the page's scratch project to the state the prose around the
 *   block assumes, before its first command (the names are in ./setups.ts);
 * - `exit=N`: every command of the block exits N; `exit=N for ARGS`: the command whose text
 *   after `npx autogen` is ARGS exits N (the others 0, or the block's `exit=N`);
 * - `skip: REASON`: the block is not run (last, since the reason is free text).
 */
export interface Annotation {
  readonly setups: readonly string[];
  readonly exits: readonly ExpectedExit[];
  readonly skip: string | null;
}

/** `args: null` stands for every command of the block. */
export interface ExpectedExit {
  readonly args: string | null;
  readonly code: number;
}

export const NO_ANNOTATION: Annotation = { setups: [], exits: [], skip: null };

const COMMENT = /^\s*<!--\s*doctest:(.*)-->\s*$/;

/** The annotation a line holds, or null when it is no `<!-- doctest: ... -->` comment. */
export function parseAnnotation(line: string): Annotation | null {
  const body = COMMENT.exec(line)?.[1];
  if (body === undefined) return null;
  const setups: string[] = [];
  const exits: ExpectedExit[] = [];
  let skip: string | null = null;
  let rest = body.trim();
  const skipAt = rest.search(/(^|;)\s*skip:/);
  if (skipAt >= 0) {
    skip = rest.slice(rest.indexOf("skip:", skipAt) + "skip:".length).trim();
    if (skip === "") throw new Error(`a doctest skip needs a reason: ${line.trim()}`);
    rest = rest.slice(0, skipAt);
  }
  for (const directive of rest.split(";").map((d) => d.trim())) {
    if (directive === "") continue;
    const setup = /^setup=(.+)$/.exec(directive);
    const exit = /^exit=(\d+)(?:\s+for\s+(.+))?$/.exec(directive);
    if (setup?.[1]) setups.push(...setup[1].split(",").map((name) => name.trim()));
    else if (exit?.[1]) exits.push({ code: Number(exit[1]), args: exit[2]?.trim() ?? null });
    else throw new Error(`unknown doctest directive '${directive}' in ${line.trim()}`);
  }
  return { setups, exits, skip };
}

/** The exit code the annotation gives the command `args` (0 unless it says otherwise). */
export function expectedExit(annotation: Annotation, args: string): number {
  const own = annotation.exits.find((exit) => exit.args === args);
  const block = annotation.exits.find((exit) => exit.args === null);
  return (own ?? block)?.code ?? 0;
}
