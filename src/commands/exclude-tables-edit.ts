import { readFileSync, writeFileSync } from "node:fs";
import { fileStep } from "../config/file-access";
import { DEFAULT_SCHEMA, type TableRef } from "../schema/model";

/** `legacy_audit`, or `reports.daily` outside `public`: how `excludeTables` names a table. */
export const excludeName = (t: TableRef): string =>
  t.schema === DEFAULT_SCHEMA ? t.name : `${t.schema}.${t.name}`;

/** The lines a user adds by hand when the config's shape is not one `addExcludeTables` edits. */
export function excludeTablesSnippet(tables: readonly TableRef[]): string {
  return `excludeTables: [${tables.map((t) => JSON.stringify(excludeName(t))).join(", ")}]`;
}

/**
 * Adds `tables` to the `excludeTables` of the config file's `autogen` export, editing the text
 * in place so the user's formatting and comments stay: into an existing `excludeTables: [`
 * list, or as the first property of `export const autogen ... = {`. Returns false, writing
 * nothing, when the file has neither shape (options built elsewhere): the caller then shows
 * the snippet to add by hand.
 */
export function addExcludeTables(configFile: string, tables: readonly TableRef[]): boolean {
  const text = readFileSync(configFile, "utf8");
  const names = tables.map((t) => JSON.stringify(excludeName(t)));
  const list = /\bexcludeTables\s*:\s*\[/.exec(text);
  let edited: string | null = null;
  if (list) {
    const at = list.index + list[0].length;
    const rest = text.slice(at);
    const empty = /^\s*\]/.test(rest);
    edited = `${text.slice(0, at)}${names.join(", ")}${empty ? "" : ", "}${rest}`;
  } else {
    const object = /^export const autogen\b[^=\n]*=\s*\{/m.exec(text);
    if (object) {
      const at = object.index + object[0].length;
      edited = `${text.slice(0, at)}\n  excludeTables: [${names.join(", ")}],${text.slice(at)}`;
    }
  }
  if (edited === null) return false;
  const result = edited;
  fileStep(configFile, "write", () => writeFileSync(configFile, result));
  return true;
}
