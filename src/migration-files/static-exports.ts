/**
 * Reads a migration file's identifying exports (revision, downRevision, branchLabels,
 * dependsOn, transaction) from its text, without compiling or running it, when the file has
 * the shape `revision` writes. Listing commands (`current`, `heads`, `history`, ...) then cost
 * a file read per migration, whatever the number of migrations.
 *
 * The shape is checked strictly: every `export` in the file must be one of the lines below,
 * each at most once, with literal values only. Anything else (a computed id, a re-export, a
 * default export, compiled `.js`) returns undefined and the caller runs the file instead.
 */
export interface StaticExports {
  readonly revision: unknown;
  readonly downRevision: unknown;
  readonly branchLabels?: unknown;
  readonly dependsOn?: unknown;
  readonly transaction?: unknown;
}

/** A double-quoted string literal with no escapes but `\"` and `\\`, as the renderer writes. */
const STRING = String.raw`"(?:[^"\\\n]|\\["\\])*"`;
const STRING_LIST = String.raw`\[(?:\s*${STRING}\s*,?)*\s*\]`;
const VALUE = `(null|true|false|${STRING}|${STRING_LIST})`;

const CONSTANT = new RegExp(
  String.raw`^export const (revision|downRevision|branchLabels|dependsOn|transaction)\b` +
    String.raw`(?:\s*:\s*[A-Za-z\[\]| ]+?)?\s*=\s*${VALUE}\s*;?[ \t]*$`,
  "gm",
);
const FUNCTION = /^export (?:async )?function (upgrade|downgrade)\s*\(/gm;
const ANY_EXPORT = /(?:^|[^\w$.])export\b/g;

/** The literal's value: JSON reads the renderer's strings and lists once a trailing comma goes. */
function literal(text: string): unknown {
  return JSON.parse(text.replace(/,(\s*\])$/, "$1")) as unknown;
}

export function readStaticExports(file: string, text: string): StaticExports | undefined {
  if (!file.endsWith(".ts") || /\bexports\b|\brequire\s*\(/.test(text)) return undefined;
  const values = new Map<string, unknown>();
  for (const match of text.matchAll(CONSTANT)) {
    const [, name, value] = match;
    if (name === undefined || value === undefined || values.has(name)) return undefined;
    values.set(name, literal(value));
  }
  const functions = new Set<string>();
  for (const match of text.matchAll(FUNCTION)) {
    if (match[1] === undefined || functions.has(match[1])) return undefined;
    functions.add(match[1]);
  }
  const exportCount = [...text.matchAll(ANY_EXPORT)].length;
  if (functions.size !== 2 || exportCount !== values.size + functions.size) return undefined;
  if (!values.has("revision") || !values.has("downRevision")) return undefined;
  return {
    revision: values.get("revision"),
    downRevision: values.get("downRevision"),
    ...(values.has("branchLabels") ? { branchLabels: values.get("branchLabels") } : {}),
    ...(values.has("dependsOn") ? { dependsOn: values.get("dependsOn") } : {}),
    ...(values.has("transaction") ? { transaction: values.get("transaction") } : {}),
  };
}
