import fc from "fast-check";
import { renderMigration, type MigrationFileInput } from "../../src/render";
import { MigrationFolder } from "./support/replay";
import { sampleOperations } from "./support/sample-operations";

const folder = new MigrationFolder();
afterAll(() => folder.remove());

const input: MigrationFileInput = {
  message: "add users",
  revision: "5c1f0e9a2b7d",
  downRevision: "0a9e3c4d1f22",
  createdAt: new Date("2026-11-21T22:00:00.789Z"),
  upgrade: [{ kind: "dropTable", schema: "public", name: "legacy_users" }],
  downgrade: [],
  review: ['creates table "users"', 'WARNING: drops column "posts"."legacy" (data in it is lost)'],
};

describe("the header and exports of a migration file", () => {
  it("are laid out exactly as the design describes", () => {
    expect(renderMigration(input)).toBe(
      [
        "/**",
        " * add users",
        " *",
        " * Revision ID: 5c1f0e9a2b7d",
        " * Revises: 0a9e3c4d1f22",
        " * Created: 2026-11-21 22:00:00 UTC",
        " *",
        " * Review:",
        ' * - creates table "users"',
        ' * - WARNING: drops column "posts"."legacy" (data in it is lost)',
        " */",
        // Detached from the import, so tsc keeps it in a compiled .js (issue 13).
        "",
        'import type { MigrationContext } from "typeorm-autogen";',
        "",
        'export const revision = "5c1f0e9a2b7d";',
        'export const downRevision: string | null = "0a9e3c4d1f22";',
        "",
        "export async function upgrade({ op }: MigrationContext): Promise<void> {",
        '  await op.dropTable("legacy_users");',
        "}",
        "",
        "export async function downgrade({ op }: MigrationContext): Promise<void> {",
        "  // No operations.",
        "  void op;",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("say so when a revision is the first one, and export a null downRevision", async () => {
    const text = renderMigration({ ...input, downRevision: null });
    expect(text).toContain(" * Revises: (none)\n");
    expect(text).toContain("export const downRevision: string | null = null;\n");
    expect((await folder.replay(text)).module.downRevision).toBeNull();
  });

  it("list every parent of a merge, its branch labels and dependencies, and export them", async () => {
    const text = renderMigration({
      ...input,
      downRevision: ["0a9e3c4d1f22", "7b7c2a0d9e11"],
      branchLabels: ["billing", "reports"],
      dependsOn: ["1f1f1f1f1f1f"],
    });
    expect(text).toContain(
      [
        " * Revises: 0a9e3c4d1f22, 7b7c2a0d9e11",
        " * Branch labels: billing, reports",
        " * Depends on: 1f1f1f1f1f1f",
        " * Created: 2026-11-21 22:00:00 UTC",
      ].join("\n"),
    );
    expect(text).toContain(
      'export const downRevision: string[] = ["0a9e3c4d1f22", "7b7c2a0d9e11"];\n',
    );
    const { module } = await folder.replay(text);
    expect(module).toMatchObject({
      revision: "5c1f0e9a2b7d",
      downRevision: ["0a9e3c4d1f22", "7b7c2a0d9e11"],
      branchLabels: ["billing", "reports"],
      dependsOn: ["1f1f1f1f1f1f"],
    });
  });

  it("leave out empty branch labels and dependencies", () => {
    const text = renderMigration({ ...input, branchLabels: [], dependsOn: [] });
    expect(text).not.toMatch(/branchLabels|dependsOn|Branch labels|Depends on/);
  });

  it("leave out the review section when there is nothing to review", () => {
    const text = renderMigration({ ...input, review: [] });
    expect(text).toContain(" * Created: 2026-11-21 22:00:00 UTC\n */\n");
  });

  it("keep a message or note that tries to close the comment inside it", async () => {
    const text = renderMigration({
      ...input,
      message: "first line */ export const revision = 'evil';\nsecond line",
      review: ["note */ with\nmore lines", ""],
    });
    expect(text).toContain(" * first line *\\/ export const revision = 'evil';\n * second line\n");
    expect(text).toContain(" * - note *\\/ with\n *   more lines\n * -\n */");
    expect((await folder.replay(text)).module.revision).toBe("5c1f0e9a2b7d");
  });

  it("spell out control and invisible characters in the comment instead of writing them raw", () => {
    const text = renderMigration({ ...input, message: "nul \u0000 bidi \u202e tab\tend  " });
    expect(text).toContain(" * nul \\u0000 bidi \\u202e tab\\tend\n");
  });

  it("stand in for an empty message", () => {
    expect(renderMigration({ ...input, message: "  \n " })).toMatch(
      /^\/\*\*\n \* \(no message\)\n \*\n/,
    );
  });

  it("export revision identifiers exactly, whatever characters they hold", async () => {
    const odd = { revision: 'a"b\\c`${d}', downRevision: ["*/", "\u2028"] };
    const { module } = await folder.replay(renderMigration({ ...input, ...odd }));
    expect(module).toMatchObject(odd);
  });

  it("load and export exactly what they were given, for any strings at all", async () => {
    const text = fc.string({ unit: "binary", maxLength: 16 });
    const texts = fc.array(text, { maxLength: 3 });
    const facts = fc.record({
      message: text,
      revision: text,
      downRevision: fc.oneof(fc.constant(null), text, texts),
      branchLabels: fc.array(text, { minLength: 1, maxLength: 3 }),
      dependsOn: fc.array(text, { minLength: 1, maxLength: 3 }),
      review: texts,
    });
    await fc.assert(
      fc.asyncProperty(facts, async (given) => {
        const { module } = await folder.replay(renderMigration({ ...input, ...given }));
        const { message: _message, review: _review, ...exported } = given;
        expect({ ...module }).toStrictEqual({
          ...exported,
          upgrade: expect.any(Function),
          downgrade: expect.any(Function),
        });
      }),
      { numRuns: 100 },
    );
  });
});

describe("rendering", () => {
  it("gives byte-identical files for the same input", () => {
    const full = {
      ...input,
      upgrade: sampleOperations,
      downgrade: [...sampleOperations].reverse(),
    };
    expect(renderMigration(structuredClone(full))).toBe(renderMigration(full));
  });

  it("loads ts-morph only when a file is rendered", () => {
    jest.isolateModules(() => {
      let loaded = false;
      jest.doMock("ts-morph", () => {
        loaded = true;
        return jest.requireActual("ts-morph");
      });
      // A plain require: the module registry is only fresh inside this callback.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const render = require("../../src/render") as typeof import("../../src/render");
      expect(loaded).toBe(false);
      render.renderMigration(input);
      expect(loaded).toBe(true);
    });
  });
});
