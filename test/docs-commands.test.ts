import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { REPO_ROOT, tempProject } from "./support/cli";
import { expectedExit, parseAnnotation } from "./docs/annotation";
import { docBlocks, PAGES, type DocBlock } from "./docs/doc-blocks";
import { pageProject, placeholdersFilled, type PageProject } from "./docs/page-project";
import { SETUPS } from "./docs/setups";
import { autogenArgs, splitShellLine } from "./docs/shell-line";

/**
 * The doc-test: every `npx autogen ...` line in a fenced block of the README or docs/ is run,
 * so the pages stay true. Each page gets a scratch copy of the example project (entities/,
 * migrations/, ormconfig.ts) and a fresh database on the test server (`doctest_<page>_...`,
 * dropped afterwards); its lines run in document order, one `sh -c` process each, with
 * `npx autogen` the built bin/autogen.js, and must exit 0. A page says otherwise in an HTML
 * comment just before a block (grammar in test/docs/annotation.ts):
 *
 *     <!-- doctest: setup=add-bio; exit=1 for check -->   state to set up, exit codes
 *     <!-- doctest: skip: REASON -->                      not run (listed as skipped)
 *
 * The setups are in test/docs/setups.ts. `DATABASE_URL=...` in a line names the page's
 * database, `<baseline id>` the revision a command last wrote. A usage synopsis
 * (`revision -m MSG [--empty]`) is not run. Every line, run or not, must name a command
 * with options its `--help` lists; a transcript (`$ npx autogen ...` and its output) must show
 * a written file's path and an `error:` line when, and only when, the run prints them.
 * Segments of an `&&` list that are not autogen's (`npm ci`, `node dist/main.js`) are listed
 * as skipped tests, as skipped blocks are.
 */
const BIN = join(REPO_ROOT, "bin", "autogen.js");
const pages = PAGES.map((page) => ({ page, blocks: docBlocks(page) })).filter(
  ({ blocks }) => blocks.length > 0,
);

/** The options `autogen COMMAND --help` lists (global ones included), null for no command. */
const optionsOf = new Map<string, Set<string> | null>();
function options(command: string): Set<string> | null {
  if (!optionsOf.has(command)) {
    let help: string;
    try {
      help = execFileSync(process.execPath, [BIN, command, "--help"], { encoding: "utf8" });
    } catch {
      optionsOf.set(command, null);
      return null;
    }
    const found = new Set(help.match(/--[a-z][a-z-]*/g) ?? []);
    optionsOf.set(command, help.includes(`autogen ${command}`) ? found : null);
  }
  return optionsOf.get(command) ?? null;
}

const GLOBAL_WITH_VALUE = new Set(["-c", "--config", "--data-source"]);

/** The command `args` runs: its first word that is not a global option or that option's value. */
function commandOf(args: string): string | undefined {
  const words = args.split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (GLOBAL_WITH_VALUE.has(word)) i++;
    else if (!word.startsWith("-")) return word;
  }
  return undefined;
}

/** The command `args` names exists and takes every `--flag` in it. */
function expectKnownOptions(args: string): void {
  const command = commandOf(args);
  if (command === undefined || command.startsWith("<")) return;
  const known = options(command);
  expect({ command, known: known !== null }).toEqual({ command, known: true });
  const unknown = (args.match(/(?<![\w-])--[a-z][a-z-]*/g) ?? []).filter(
    (flag) => !known?.has(flag) && !(flag.startsWith("--no-") && known?.has(`--${flag.slice(5)}`)),
  );
  expect(unknown).toEqual([]);
}

/**
 * What a transcript shows that does not depend on ids, timings or hosts: whether the command
 * printed a file's path (stdout, as `revision` does) and an `error:` line (stderr).
 */
function printed(stdout: string, stderr: string): { path: boolean; error: boolean } {
  return { path: /^\S+\.ts$/m.test(stdout), error: /^error: /m.test(stderr) };
}

it("the docs show autogen commands (the extraction finds them)", () => {
  const lines = pages.flatMap(({ blocks }) => blocks.flatMap((b) => b.lines));
  expect(lines.length).toBeGreaterThan(50);
  expect(lines.filter((l) => !l.synopsis).length).toBeGreaterThan(40);
});

it("each annotation names setups that exist and commands its block runs", () => {
  for (const { blocks } of pages) {
    for (const block of blocks) {
      const args = block.lines.flatMap((l) => splitShellLine(l.shell).autogen.map(autogenArgs));
      const where = `${block.page}:${block.line}`;
      expect({ where, unknown: block.annotation.setups.filter((s) => !(s in SETUPS)) }).toEqual({
        where,
        unknown: [],
      });
      const stray = block.annotation.exits.filter((e) => e.args !== null && !args.includes(e.args));
      expect({ where, stray }).toEqual({ where, stray: [] });
    }
  }
});

const folder = tempProject();
afterAll(() => folder.remove());

describe.each(pages)("$page", ({ page, blocks }) => {
  let project: PageProject;
  beforeAll(async () => {
    project = await pageProject(page, folder.dir);
  });
  afterAll(async () => {
    await project?.remove();
  });

  for (const block of blocks) describeBlock(block, () => project);
});

function describeBlock(block: DocBlock, project: () => PageProject): void {
  const { annotation } = block;
  const where = `${block.page}:${block.line}`;
  if (annotation.setups.length > 0 && annotation.skip === null) {
    it(`${where} setup: ${annotation.setups.join(", ")}`, async () => {
      for (const name of annotation.setups) await SETUPS[name]?.apply(project());
    });
  }
  for (const line of block.lines) {
    const at = `${block.page}:${line.line}`;
    const { autogen, others } = splitShellLine(line.shell);
    for (const other of others) it.skip(`${at} \`${other}\`: not autogen's, not run`, () => {});
    for (const segment of autogen) {
      const args = autogenArgs(segment);
      if (line.synopsis) {
        it(`${at} synopsis \`npx autogen ${args}\` names a command with those options`, () =>
          expectKnownOptions(args));
      } else if (annotation.skip !== null) {
        it.skip(`${at} \`${segment}\`: skipped, ${annotation.skip}`, () => {});
        it(`${at} skipped \`npx autogen ${args}\` names a command with those options`, () =>
          expectKnownOptions(args));
      } else {
        const code = expectedExit(annotation, args);
        it(`${at} \`${segment}\` exits ${code}`, async () => {
          expectKnownOptions(args);
          const result = await project().run(segment);
          expect({ exit: result.code, stderr: result.stderr }).toEqual({
            exit: code,
            stderr: expect.any(String),
          });
          if (line.output !== null) {
            const shown = line.output.join("\n");
            expect(printed(result.stdout, result.stderr)).toEqual(printed(shown, shown));
          }
        });
      }
    }
  }
}

describe("the doc-test's reading of the pages", () => {
  it("would catch a flag the command does not take, and a command that does not exist", () => {
    expect(options("upgrade")?.has("--sql")).toBe(true);
    expect(options("upgrade")?.has("--squirrel")).toBe(false);
    expect(options("upgarde")).toBeNull();
    expect(commandOf("--config src/ds.ts check --strict")).toBe("check");
  });

  it("reads setups, exit codes and a skip's reason from an annotation", () => {
    const annotation = parseAnnotation(
      '<!-- doctest: setup=example, add-bio; exit=1 for check; exit=2 for revision -m "x" -->',
    );
    expect(annotation?.setups).toEqual(["example", "add-bio"]);
    expect(annotation && expectedExit(annotation, "check")).toBe(1);
    expect(annotation && expectedExit(annotation, 'revision -m "x"')).toBe(2);
    expect(annotation && expectedExit(annotation, "upgrade")).toBe(0);
    expect(parseAnnotation("<!-- doctest: exit=1; skip: needs a tenants table; psql -->")).toEqual({
      setups: [],
      exits: [{ args: null, code: 1 }],
      skip: "needs a tenants table; psql",
    });
    expect(() => parseAnnotation("<!-- doctest: exit=one -->")).toThrow(/unknown doctest/);
    expect(() => parseAnnotation("<!-- doctest: skip: -->")).toThrow(/needs a reason/);
    expect(parseAnnotation("<!-- a comment -->")).toBeNull();
  });

  it("splits an && list into autogen's commands and the others, comments dropped", () => {
    expect(splitShellLine('npm ci && npx autogen revision -m "a && b" # note')).toEqual({
      autogen: ['npx autogen revision -m "a && b"'],
      others: ["npm ci"],
    });
    expect(splitShellLine("DATABASE_URL=postgres://... npx autogen adopt").autogen).toEqual([
      "DATABASE_URL=postgres://... npx autogen adopt",
    ]);
  });

  it("fills the database URL, the last revision and the binary into a line", () => {
    const line = placeholdersFilled(
      "DATABASE_URL=postgres://... npx autogen stamp <baseline id>",
      "postgres://u@h/db",
      "5e0c2f1a9b3d",
    );
    expect(line).toMatch(
      /^DATABASE_URL='postgres:\/\/u@h\/db' '.+' '.+autogen\.js' stamp 5e0c2f1a9b3d$/,
    );
    expect(() => placeholdersFilled("npx autogen show <rev>", "postgres://u@h/db", null)).toThrow(
      /placeholder <rev>/,
    );
  });
});
