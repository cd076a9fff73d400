import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addExcludeTables, excludeTablesSnippet } from "../../src/commands/exclude-tables-edit";

const LEGACY = [
  { schema: "public", name: "legacy_audit" },
  { schema: "reports", name: "daily" },
];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "exclude-edit-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `text` as a config, runs the edit, and returns whether it edited and the new text. */
function edit(text: string): { edited: boolean; text: string } {
  const file = join(dir, "ormconfig.ts");
  writeFileSync(file, text);
  const edited = addExcludeTables(file, LEGACY);
  return { edited, text: readFileSync(file, "utf8") };
}

describe("addExcludeTables", () => {
  it("adds the tables as the first property of the autogen export, keeping the rest as written", () => {
    const before = `// mine\nexport const autogen: AutogenOptions = {\n  migrationsDir: "db/migrations", // here\n};\n`;
    expect(edit(before)).toEqual({
      edited: true,
      text: `// mine\nexport const autogen: AutogenOptions = {\n  excludeTables: ["legacy_audit", "reports.daily"],\n  migrationsDir: "db/migrations", // here\n};\n`,
    });
  });

  it("puts the tables in front of an existing excludeTables list", () => {
    const before = `export const autogen = {\n  excludeTables: ["kept"],\n};\n`;
    expect(edit(before).text).toBe(
      `export const autogen = {\n  excludeTables: ["legacy_audit", "reports.daily", "kept"],\n};\n`,
    );
    expect(edit(`export const autogen = { excludeTables: [] };\n`).text).toBe(
      `export const autogen = { excludeTables: ["legacy_audit", "reports.daily"] };\n`,
    );
  });

  it("writes nothing to a config whose options are built elsewhere", () => {
    const before = `import { options } from "./options";\nexport { options as autogen };\n`;
    expect(edit(before)).toEqual({ edited: false, text: before });
    expect(excludeTablesSnippet(LEGACY)).toBe('excludeTables: ["legacy_audit", "reports.daily"]');
  });
});
