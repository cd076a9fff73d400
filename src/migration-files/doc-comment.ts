/** What a migration file says about itself in its leading doc comment. */
export interface DocComment {
  /** The first non-empty line; empty when the file has no leading doc comment. */
  readonly message: string;
  /** The value of the `Created:` line, as written. */
  readonly createdAt?: string;
}

/**
 * Reads the leading `/** ... *\/` comment of a migration file. Only a comment before any
 * code counts (after a byte order mark, a shebang, line comments or "use strict", which
 * compiled `.js` files start with), so a doc comment on a later function is not mistaken
 * for the file's message.
 */
export function readDocComment(text: string): DocComment {
  const leading =
    /^\uFEFF?(?:#![^\n]*\n)?(?:\s|\/\/[^\n]*\n|(["'])use strict\1;?)*\/\*\*([\s\S]*?)\*\//.exec(
      text,
    );
  if (!leading) return { message: "" };
  const lines = (leading[2] ?? "")
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*\*?\s?/, "").trimEnd());
  const message = lines.find((line) => line.trim() !== "")?.trim() ?? "";
  const created = lines.map((line) => /^\s*Created:\s*(.+)$/.exec(line)?.[1]?.trim()).find(Boolean);
  return created === undefined ? { message } : { message, createdAt: created };
}
