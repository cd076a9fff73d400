import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import * as estree from "prettier/plugins/estree";
import * as typescript from "prettier/plugins/typescript";
import * as prettier from "prettier/standalone";
import type { Operation } from "../../src/ops/operations";
import { renderMigration } from "../../src/render";
import { arbitraryOperation, asciiText } from "./support/arbitrary-operations";
import { hostileStrings, sampleOperations } from "./support/sample-operations";

// The standalone build: prettier's main entry loads plugins with a dynamic import jest refuses,
// so the project's JSON config is read here rather than resolved by prettier.
const root = join(__dirname, "../..");
const configFile = [".prettierrc.json", ".prettierrc"].find((name) => existsSync(join(root, name)));
const projectOptions = configFile
  ? (JSON.parse(readFileSync(join(root, configFile), "utf8")) as Record<string, unknown>)
  : {};

async function prettierFormat(text: string): Promise<string> {
  return prettier.format(text, {
    ...projectOptions,
    parser: "typescript",
    plugins: [estree, typescript],
  });
}

function render(upgrade: readonly Operation[], downgrade: readonly Operation[] = []): string {
  return renderMigration({
    message: "formatting",
    revision: "5c1f0e9a2b7d",
    downRevision: "0a9e3c4d1f22",
    createdAt: new Date("2026-11-21T22:00:00Z"),
    upgrade,
    downgrade,
    review: ['creates table "users"'],
  });
}

describe("the layout of a rendered migration file", () => {
  it("is what prettier prints for every sample operation", async () => {
    const text = render(sampleOperations, [...sampleOperations].reverse());
    expect(await prettierFormat(text)).toBe(text);
  });

  it("is what prettier prints when strings hold quotes, escapes and invisible characters", async () => {
    const ops = hostileStrings.map((sql) => ({ kind: "execute", sql }) as const);
    const text = render(ops);
    expect(await prettierFormat(text)).toBe(text);
  });

  it("is what prettier prints for the exports of a merge with many parents", async () => {
    const parents = Array.from({ length: 8 }, (_, i) => `${i}`.repeat(12));
    const text = renderMigration({
      message: hostileStrings.join("\n"),
      revision: "\\`${x}`*/",
      downRevision: parents,
      branchLabels: hostileStrings,
      dependsOn: ["1f1f1f1f1f1f"],
      createdAt: new Date("2026-11-21T22:00:00Z"),
      upgrade: [],
      downgrade: [],
      review: hostileStrings,
    });
    expect(text).toContain('export const downRevision: string[] = [\n  "000000000000",\n');
    expect(await prettierFormat(text)).toBe(text);
  });

  it("is what prettier prints for random operations, long names included", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arbitraryOperation(asciiText), { maxLength: 5 }), async (ops) => {
        const text = render(ops);
        expect(await prettierFormat(text)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it("is what prettier prints for long arrays of numbers, which prettier packs several to a line", async () => {
    const numbers = [1.04e-322, -2.644486386724323e-309, -1.0000150793830761e-306, -1e-251, 7];
    const text = render([
      {
        kind: "bulkInsert",
        schema: "public",
        table: "samples",
        rows: [
          { values: [...numbers, ...numbers, ...numbers], mixed: [...numbers, "x"] },
          { big: [1n, 22222222222222222222222222222222n, 3n, 44444444444444444444444444444444n] },
        ],
      },
    ]);
    expect(await prettierFormat(text)).toBe(text);
  });

  it("hugs a trailing object argument and breaks it one property per line", () => {
    const text = render([
      {
        kind: "addForeignKey",
        schema: "public",
        table: "posts",
        foreignKey: {
          name: "FK_posts_author_id_users_id",
          columns: ["author_id"],
          referencedSchema: "public",
          referencedTable: "users",
          referencedColumns: ["id"],
          onDelete: "CASCADE",
          onUpdate: "NO ACTION",
        },
      },
    ]);
    expect(text).toContain(
      [
        '  await op.addForeignKey("posts", {',
        '    name: "FK_posts_author_id_users_id",',
        '    columns: ["author_id"],',
        '    references: { table: "users", columns: ["id"] },',
        '    onDelete: "CASCADE",',
        "  });",
      ].join("\n"),
    );
  });

  it("keeps an operation that fits in 100 columns on one line", () => {
    const text = render([
      { kind: "dropIndex", schema: "public", table: "users", name: "IDX_users_email" },
    ]);
    expect(text).toContain('\n  await op.dropIndex("users", "IDX_users_email");\n');
  });
});
