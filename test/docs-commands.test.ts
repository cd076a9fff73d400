import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * Every `npx autogen ...` line shown in the docs (and the README) names a command that exists,
 * with options that command takes: the docs cannot keep a flag the CLI dropped or renamed.
 * Each command's options are read from its own `--help`, so the check follows the CLI. The
 * commands' behaviour is specified by the e2e tests; this keeps what the pages show true.
 */
const ROOT = resolve(__dirname, "..");
const BIN = join(ROOT, "bin", "autogen.js");
const PAGES = [
  "README.md",
  ...readdirSync(join(ROOT, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => join("docs", f)),
];

/** `npx autogen` command lines in fenced blocks, with their wrapped continuation lines. */
function commandLines(page: string): string[] {
  const lines: string[] = [];
  let fenced = false;
  for (const raw of readFileSync(join(ROOT, page), "utf8").split("\n")) {
    if (/^\s*```/.test(raw)) {
      fenced = !fenced;
      continue;
    }
    if (!fenced) continue;
    const at = raw.indexOf("npx autogen ");
    if (at >= 0) lines.push(raw.slice(at + "npx autogen ".length));
    else if (/^\s+\[/.test(raw) && lines.length > 0) lines[lines.length - 1] += ` ${raw.trim()}`;
  }
  return lines;
}

/** The options `autogen COMMAND --help` lists (global ones included). */
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

/** The command a line runs: its first word that is not a global option or that option's value. */
function commandOf(line: string): string | undefined {
  const words = line.split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (GLOBAL_WITH_VALUE.has(word)) i++;
    else if (!word.startsWith("-")) return word;
  }
  return undefined;
}

const shown = PAGES.flatMap((page) => commandLines(page).map((line) => [page, line] as const));

it("the docs show autogen commands (the extraction finds them)", () => {
  expect(shown.length).toBeGreaterThan(50);
});

describe.each(PAGES)("%s", (page) => {
  const lines = shown.filter(([p]) => p === page).map(([, line]) => line);
  if (lines.length === 0) return;
  it.each(lines)("`npx autogen %s` is a command with those options", (line) => {
    const command = commandOf(line.replace(/#.*$/, ""));
    if (command === undefined) return;
    const known = options(command);
    expect({ command, known: known !== null }).toEqual({ command, known: true });
    const flags = (line.replace(/#.*$/, "").match(/(?<![\w-])--[a-z][a-z-]*/g) ?? []).filter(
      (flag) => !(known as Set<string>).has(flag),
    );
    const negations = flags.filter(
      (f) => !(f.startsWith("--no-") && known?.has(`--${f.slice(5)}`)),
    );
    expect(negations).toEqual([]);
  });
});

it("would catch a flag the command does not take, and a command that does not exist", () => {
  expect(options("upgrade")?.has("--sql")).toBe(true);
  expect(options("upgrade")?.has("--squirrel")).toBe(false);
  expect(options("upgarde")).toBeNull();
  expect(commandOf("--config src/ds.ts check --strict")).toBe("check");
});
