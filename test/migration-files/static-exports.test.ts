import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LoadError } from "../../src/errors";
import { loadRevisions } from "../../src/migration-files";
import { readStaticExports } from "../../src/migration-files/static-exports";
import { renderMigration } from "../../src/render";

const generated = (facts: Partial<Parameters<typeof renderMigration>[0]> = {}) =>
  renderMigration({
    message: "add things",
    revision: "0a1b2c3d4e5f",
    downRevision: "ffeeddccbbaa",
    createdAt: new Date(0),
    review: [],
    upgrade: [],
    downgrade: [],
    ...facts,
  });

describe("reading a migration's ids from its text", () => {
  it("reads the ids of a file as revision writes it", () => {
    expect(readStaticExports("m.ts", generated())).toEqual({
      revision: "0a1b2c3d4e5f",
      downRevision: "ffeeddccbbaa",
    });
  });

  it("reads a first revision, a merge, branch labels and depends-on", () => {
    expect(readStaticExports("m.ts", generated({ downRevision: null }))).toMatchObject({
      downRevision: null,
    });
    const merge = generated({
      downRevision: ["aaaaaaaaaaaa", "bbbbbbbbbbbb"],
      branchLabels: ["billing"],
      dependsOn: ["cccccccccccc"],
    });
    expect(readStaticExports("m.ts", merge)).toEqual({
      revision: "0a1b2c3d4e5f",
      downRevision: ["aaaaaaaaaaaa", "bbbbbbbbbbbb"],
      branchLabels: ["billing"],
      dependsOn: ["cccccccccccc"],
    });
  });

  it("reads nothing from a file whose ids are computed, re-exported or compiled", () => {
    const text = generated();
    const computed = text.replace(
      'revision = "0a1b2c3d4e5f"',
      'revision = ["0a1b", "2c3d"].join("")',
    );
    expect(readStaticExports("m.ts", computed)).toBeUndefined();
    expect(
      readStaticExports("m.ts", `${text}\nexport { helper } from "./helper";\n`),
    ).toBeUndefined();
    expect(readStaticExports("m.ts", `${text}\nexport default {};\n`)).toBeUndefined();
    expect(readStaticExports("m.js", text)).toBeUndefined();
  });

  it("reads nothing when an export appears twice or a function is missing", () => {
    const text = generated();
    expect(
      readStaticExports("m.ts", `${text}\nexport const revision = "other";\n`),
    ).toBeUndefined();
    const noDowngrade = text.replace("export async function downgrade", "async function downgrade");
    expect(readStaticExports("m.ts", noDowngrade)).toBeUndefined();
  });
});

describe("loadRevisions with headersOnly", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "autogen-static-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("lists a generated file without running it, and runs it when upgrade is called", async () => {
    const file = join(dir, "0a1b2c3d4e5f_add_things.ts");
    const text = generated().replace(
      "export async function upgrade",
      'throw new Error("ran at load");\nexport async function upgrade',
    );
    writeFileSync(file, text);

    const [listed] = await loadRevisions(dir, { headersOnly: true });

    expect(listed).toMatchObject({
      revision: "0a1b2c3d4e5f",
      downRevisions: ["ffeeddccbbaa"],
      message: "add things",
    });
    expect(() => listed?.upgrade({})).toThrow(/failed to load: ran at load/);
  });

  it("still runs a file of another shape at once", async () => {
    writeFileSync(
      join(dir, "x.ts"),
      'const id = "abc";\nexport const revision = id;\nexport const downRevision = null;\n' +
        "export function upgrade() {}\nexport function downgrade() {}\n",
    );

    const [listed] = await loadRevisions(dir, { headersOnly: true });

    expect(listed?.revision).toBe("abc");
  });

  it("refuses to run a file whose text and exports disagree", async () => {
    const file = join(dir, "0a1b2c3d4e5f_add_things.ts");
    writeFileSync(file, generated());
    const [listed] = await loadRevisions(dir, { headersOnly: true });
    writeFileSync(file, generated({ revision: "999999999999" }));

    expect(() => listed?.upgrade({})).toThrow(LoadError);
    expect(() => listed?.upgrade({})).toThrow(
      /exports other revision ids when run than its text shows/,
    );
  });
});
