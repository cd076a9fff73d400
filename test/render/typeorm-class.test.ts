import ts from "typescript";
import { renderTypeOrmClass, type TypeOrmClassInput } from "../../src/render/typeorm-class";
import { typeOrmBaseName, typeOrmMigrationName } from "../../src/render/typeorm-names";
import { templateLiteral } from "../../src/render/template-literal";

const base: TypeOrmClassInput = {
  message: "add users",
  className: "AddUsers1796221933879",
  createdAt: new Date("2026-12-02T14:32:13Z"),
  review: ['creates table "users"'],
  up: {
    committedFirst: [],
    statements: ['CREATE TABLE "public"."users" ("id" serial NOT NULL)'],
  },
  down: { committedFirst: [], statements: ['DROP TABLE "public"."users"'] },
};

/** What the text evaluates to: the class's module, run with a recording query runner. */
async function replay(text: string, method: "up" | "down", inTransaction: boolean) {
  const js = ts.transpileModule(text, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const exports: Record<string, new () => Record<string, unknown>> = {};
  new Function("exports", "require", js)(exports, require);
  const [Migration] = Object.values(exports);
  const calls: string[] = [];
  let active = inTransaction;
  const queryRunner = {
    get isTransactionActive() {
      return active;
    },
    query: async (sql: string) => void calls.push(sql),
    startTransaction: async () => void ((active = true), calls.push("BEGIN")),
    commitTransaction: async () => void ((active = false), calls.push("COMMIT")),
    rollbackTransaction: async () => void ((active = false), calls.push("ROLLBACK")),
  };
  const instance = new (Migration as new () => Record<string, unknown>)();
  await (instance[method] as (q: unknown) => Promise<void>)(queryRunner);
  return { instance, calls };
}

describe("renderTypeOrmClass", () => {
  it("writes TypeORM's class shape: a header, a type-only import, name, up and down", () => {
    expect(renderTypeOrmClass(base)).toBe(`/**
 * add users
 *
 * Created: 2026-12-02 14:32:13 UTC
 * Written by \`autogen revision --format typeorm\` for TypeORM's migration:run and
 * migration:revert; \`down\` reverses \`up\`.
 *
 * Review:
 * - creates table "users"
 */

import type { MigrationInterface, QueryRunner } from "typeorm";

export class AddUsers1796221933879 implements MigrationInterface {
  name = "AddUsers1796221933879";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(\`CREATE TABLE "public"."users" ("id" serial NOT NULL)\`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(\`DROP TABLE "public"."users"\`);
  }
}
`);
  });

  it("keeps the transaction default and names queryRunner in an empty method", () => {
    const text = renderTypeOrmClass({
      ...base,
      up: { committedFirst: [], statements: [] },
      down: { committedFirst: [], statements: [] },
    });
    expect(text).not.toContain("transaction");
    expect(text).toContain("    // No statements.\n    void queryRunner;\n");
  });

  it("sends every statement with its exact text, whatever characters it holds", async () => {
    const hostile = ["SELECT '`' || $$\\$$ || '${x}'", "SELECT 'a\r\nb'", "SELECT '\u202e\t'"];
    const { calls } = await replay(
      renderTypeOrmClass({ ...base, up: { committedFirst: [], statements: hostile } }),
      "up",
      true,
    );
    expect(calls).toEqual(hostile);
  });

  it("commits enum labels first and the rest in a transaction of its own under migration:run", async () => {
    const up = { committedFirst: ["ADD LABEL"], statements: ["USE LABEL"] };
    const text = renderTypeOrmClass({ ...base, up });
    const { instance, calls } = await replay(text, "up", false);
    expect(instance.transaction).toBe(false);
    expect(calls).toEqual(["ADD LABEL", "BEGIN", "USE LABEL", "COMMIT"]);
  });

  it("in a revert, commits TypeORM's transaction before the labels and leaves the next one to TypeORM", async () => {
    const down = { committedFirst: ["ADD LABEL"], statements: ["USE LABEL"] };
    const text = renderTypeOrmClass({ ...base, down });
    const { instance, calls } = await replay(text, "down", true);
    // Only `up` decides the class's transaction setting: TypeORM's revert ignores it.
    expect(instance.transaction).toBeUndefined();
    expect(calls).toEqual(["COMMIT", "ADD LABEL", "BEGIN", "USE LABEL"]);
  });
});

describe("TypeORM migration names", () => {
  it.each([
    ["add users", "AddUsers"],
    ["Add `status` to orders!", "AddStatusToOrders"],
    ["café crème", "CafeCreme"],
    ["2fa codes", "Migration2faCodes"],
    ["", "Migration"],
    ["日本", "Migration"],
  ])("%j becomes the class name part %s", (message, name) => {
    expect(typeOrmBaseName(message)).toBe(name);
  });

  it("ends the class name with the 13-digit millisecond timestamp TypeORM sorts by", () => {
    const created = new Date("2026-12-02T14:32:13.879Z");
    expect(typeOrmMigrationName("add users", created)).toEqual({
      className: `AddUsers${created.getTime()}`,
      fileName: `${created.getTime()}-AddUsers.ts`,
      timestamp: created.getTime(),
    });
  });
});

describe("templateLiteral", () => {
  it("escapes the backtick, the backslash and ${, and keeps quotes and line feeds", () => {
    expect(templateLiteral("a `b` \\ ${c} \"d\" 'e'\nf")).toBe(
      "`a \\`b\\` \\\\ \\${c} \"d\" 'e'\nf`",
    );
  });
});
