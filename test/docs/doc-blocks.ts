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
  /**
   * For a transcript (`$ npx autogen ...` followed by what it prints), the lines shown up to
   * the next `$` prompt; null for a plain command line.
   */
  readonly output: readonly string[] | null;
}

export interface DocBlock {
  readonly page: string;
  /** The line of the opening fence. */
  readonly line: number;
  readonly annotation: Annotation;
  readonly lines: readonly DocLine[];
}

const FENCE = /^\s*```/;
const PROMPT = /^\s*\$\s/;
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
  let open: OpenBlock | null = null;
  let previous = { text: "", line: 0 };
  let annotations = 0;
  for (const [index, raw] of source.entries()) {
    if (/^\s*<!--\s*doctest:/.test(raw)) annotations++;
    if (FENCE.test(raw) && open === null) {
      const annotation = annotationOf(previous.text, `${page}:${previous.line}`);
      open = { line: index + 1, annotation, lines: [], output: null };
    } else if (FENCE.test(raw) && open !== null) {
      const { line, annotation, lines } = open;
      if (lines.length > 0) blocks.push({ page, line, annotation, lines });
      open = null;
    } else if (open !== null) {
      readBlockLine(open, raw, page, index + 1);
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

/** A block being read; `output` collects the current transcript's lines. */
interface OpenBlock {
  readonly line: number;
  readonly annotation: Annotation;
  readonly lines: DocLine[];
  output: string[] | null;
}

/** Reads one line inside a fence: an autogen line, a synopsis's wrapped part, or output. */
function readBlockLine(block: OpenBlock, raw: string, page: string, line: number): void {
  const last = block.lines[block.lines.length - 1];
  if (raw.includes(`${NPX_AUTOGEN} `) || raw.trimEnd().endsWith(NPX_AUTOGEN)) {
    const shell = raw.replace(PROMPT_OR_YAML_KEY, "").trimEnd();
    const words = splitShellLine(shell).autogen.flatMap((s) => autogenArgs(s).split(/\s+/));
    const synopsis = words.some((word) => SYNOPSIS_WORD.test(word));
    const output = PROMPT.test(raw) ? [] : null;
    block.lines.push({ page, line, shell, synopsis, output });
    block.output = output;
  } else if (last?.synopsis && /^\s+\[/.test(raw)) {
    block.lines[block.lines.length - 1] = { ...last, shell: `${last.shell} ${raw.trim()}` };
  } else if (PROMPT.test(raw)) {
    // Another program's prompt (`$ echo $?`) ends the transcript.
    block.output = null;
  } else {
    block.output?.push(raw);
  }
}
