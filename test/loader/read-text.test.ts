import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readText } from "../../src/loader/read-text";

describe("readText", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "autogen-read-text-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ["ASCII", `{"entries":{"public.users":"${"x".repeat(100_000)}"}}`],
    ["UTF-8 beyond ASCII", `{"comment":"Übersicht – naïve 🚀","big":"${"é".repeat(50_000)}"}`],
    ["empty", ""],
  ])("gives what readFileSync gives as UTF-8 for %s text", (_kind, text) => {
    const file = join(dir, "file.json");
    writeFileSync(file, text);
    expect(readText(file)).toBe(readFileSync(file, "utf8"));
    expect(readText(file)).toBe(text);
  });
});
