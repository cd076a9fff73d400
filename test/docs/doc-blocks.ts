import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../support/cli";
import { NO_ANNOTATION, parseAnnotation, type Annotation } from "./annotation";
import { autogenArgs, NPX_AUTOGEN, splitShellLine } from "./shell-line";

/** The pages whose fenced blocks are checked: the README and every page of docs/. */
export const PAGES: readonly string[] = [
  "README.md",
  ...readdirSync(join(REPO_ROOT, "docs"))
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => `docs/${f}`),
];

/** One line of a fenced block that runs `npx autogen`. */
export interface DocLine {
  readonly page: string;
  /** 1-based, in the page's source. */
  readonly line: number;
  /** The shell text, without a `$ ` prompt or a YAML `- run:` key; wrapped lines joined. */
  readonly shell: string;
  /**
   * A usage synopsis (`revision -m MSG [--empty]`): a bracketed option or an upper-case
   * placeholder says so. It is checked against `--help`, not run.
   */
  readonly synopsis: boolean;
}

export interface DocBlock {
  readonly page: string;
  /** The line of the opening fence. */
  readonly line: number;
  readonly annotation: Annotation;
  readonly lines: readonly DocLine[];
}

const FENCE = /^\s*```/;
const PROMPT_OR_YAML_KEY = /^\s*(?:\$\s+|-?\s*run:\s+)?/;
const SYNOPSIS_WORD = /^\[|^[A-Z][A-Z_:]*(\.\.\.)?$/;

/**
 * The page's fenced blocks that hold at least one `npx autogen` line, in document order. An
 * annotation anywhere else (not before a fence, or before a block with no such line) is an
 * error: it would be ignored silently.
 */
export function docBlocks(page: string): DocBlock[] {
  const source = readFileSync(join(REPO_ROOT, page), "utf8").split("\n");
  const blocks: DocBlock[] = [];
  let open: { line: number; annotation: Annotation; lines: DocLine[] } | null = null;
  let previous = { text: "", line: 0 };
  let annotations = 0;
  for (const [index, raw] of source.entries()) {
    if (/<!--\s*doctest:/.test(raw)) annotations++;
    if (FENCE.test(raw) && open === null) {
      const annotation = annotationOf(previous.text, `${page}:${previous.line}`);
      open = { line: index + 1, annotation, lines: [] };
    } else if (FENCE.test(raw) && open !== null) {
      if (open.lines.length > 0) blocks.push({ page, ...open });
      open = null;
    } else if (open !== null) {
      const last = open.lines[open.lines.length - 1];
      if (raw.includes(`${NPX_AUTOGEN} `) || raw.trimEnd().endsWith(NPX_AUTOGEN)) {
        open.lines.push(docLine(page, index + 1, raw.replace(PROMPT_OR_YAML_KEY, "").trimEnd()));
      } else if (/^\s+\[/.test(raw) && last?.synopsis) {
        open.lines[open.lines.length - 1] = { ...last, shell: `${last.shell} ${raw.trim()}` };
      }
    }
    if (raw.trim() !== "") previous = { text: raw, line: index + 1 };
  }
  const used = blocks.filter((b) => b.annotation !== NO_ANNOTATION).length;
  if (used !== annotations) {
    throw new Error(`${page}: a doctest annotation is not right before a block of autogen lines`);
  }
  return blocks;
}

function annotationOf(line: string, where: string): Annotation {
  try {
    return parseAnnotation(line) ?? NO_ANNOTATION;
  } catch (error) {
    throw new Error(`${where}: ${(error as Error).message}`);
  }
}

function docLine(page: string, line: number, shell: string): DocLine {
  const words = splitShellLine(shell).autogen.flatMap((s) => autogenArgs(s).split(/\s+/));
  return { page, line, shell, synopsis: words.some((word) => SYNOPSIS_WORD.test(word)) };
}
