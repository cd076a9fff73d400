/**
 * A shell line as a page shows it, cut the way `sh` would read it: its comment dropped, its
 * `&&` list split into segments. Only the segments that run `npx autogen` are run by the
 * doc-test; the others (`npm ci`, `node dist/main.js`, `git add`) belong to the reader's
 * project and are reported as not run.
 */
export interface ShellLine {
  /** The `npx autogen` segments, each a whole shell command (env assignments, redirections). */
  readonly autogen: readonly string[];
  /** The other segments of the `&&` list. */
  readonly others: readonly string[];
}

export const NPX_AUTOGEN = "npx autogen";

export function splitShellLine(line: string): ShellLine {
  const segments = splitOutsideQuotes(stripComment(line), "&&").map((s) => s.trim());
  const runsAutogen = (segment: string) => new RegExp(`(^|\\s)${NPX_AUTOGEN}(\\s|$)`).test(segment);
  return {
    autogen: segments.filter(runsAutogen),
    others: segments.filter((s) => s !== "" && !runsAutogen(s)),
  };
}

/** What a segment passes to autogen: the text after `npx autogen`. */
export function autogenArgs(segment: string): string {
  const at = segment.indexOf(NPX_AUTOGEN);
  return segment.slice(at + NPX_AUTOGEN.length).trim();
}

/** The line without its `# comment` (a `#` that starts a word outside quotes, as in sh). */
export function stripComment(line: string): string {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quote !== null) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "#" && (i === 0 || /\s/.test(line[i - 1] as string))) {
      return line.slice(0, i).trimEnd();
    }
  }
  return line.trimEnd();
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote !== null) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (text.startsWith(separator, i)) {
      parts.push(text.slice(start, i));
      start = i + separator.length;
      i = start - 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
