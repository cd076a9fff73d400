import { compileOperation } from "../../src/dialect/postgres/compile/compile";
import {
  addsEnumLabels,
  labelInsertions,
  rebuildName,
} from "../../src/dialect/postgres/compile/compile-enums";
import { ops } from "../../src/ops/factories";
import type { EnumUsage } from "../../src/ops/operations";

const alter = (from: string[], to: string[], usages: EnumUsage[] = []) =>
  compileOperation(ops.alterEnum({ schema: "app", name: "mood", from, to, usages }));

const usage = (extra: Partial<EnumUsage>): EnumUsage => ({
  schema: "public",
  table: "people",
  column: "mood",
  isArray: false,
  default: null,
  ...extra,
});

describe("alterEnum with labels only inserted", () => {
  it.each([
    [
      "appends a label after the last one",
      ["a", "b"],
      ["a", "b", "c"],
      [`ADD VALUE IF NOT EXISTS 'c' AFTER 'b'`],
    ],
    [
      "places a label between two old ones",
      ["a", "b"],
      ["a", "x", "b"],
      [`ADD VALUE IF NOT EXISTS 'x' AFTER 'a'`],
    ],
    [
      "puts leading labels before the first old label, in order",
      ["c"],
      ["a", "b", "c"],
      [`ADD VALUE IF NOT EXISTS 'a' BEFORE 'c'`, `ADD VALUE IF NOT EXISTS 'b' AFTER 'a'`],
    ],
    [
      "chains consecutive new labels after each other",
      ["a", "z"],
      ["a", "b", "c", "z", "zz"],
      [
        `ADD VALUE IF NOT EXISTS 'b' AFTER 'a'`,
        `ADD VALUE IF NOT EXISTS 'c' AFTER 'b'`,
        `ADD VALUE IF NOT EXISTS 'zz' AFTER 'z'`,
      ],
    ],
    [
      "gives the first label of an empty type no position",
      [],
      ["a", "b"],
      [`ADD VALUE IF NOT EXISTS 'a'`, `ADD VALUE IF NOT EXISTS 'b' AFTER 'a'`],
    ],
    ["compiles to nothing when nothing changes", ["a"], ["a"], []],
    [
      "quotes hostile labels",
      ["it's"],
      ["it's", "a\\b"],
      [`ADD VALUE IF NOT EXISTS E'a\\\\b' AFTER 'it''s'`],
    ],
  ])("%s", (_name, from, to, clauses) => {
    expect(alter(from, to)).toEqual(clauses.map((c) => `ALTER TYPE "app"."mood" ${c}`));
  });
});

describe("labelInsertions", () => {
  it.each([
    ["a label is removed", ["a", "b"], ["a"]],
    ["old labels change order", ["a", "b"], ["b", "a"]],
    ["a label is renamed", ["a", "b"], ["a", "c"]],
    ["the new list repeats a label", ["a"], ["a", "b", "b"]],
  ])("says the type must be rebuilt when %s", (_name, from, to) => {
    expect(labelInsertions(from, to)).toBeNull();
  });
});

describe("alterEnum that must rebuild the type", () => {
  it("renames the old type aside, creates the new one, converts each usage through text and drops the old type", () => {
    expect(
      alter(
        ["a", "b", "c"],
        ["c", "a"],
        [
          usage({ default: "'a'" }),
          usage({ schema: "crm", table: "leads", column: "moods", isArray: true }),
        ],
      ),
    ).toEqual([
      'ALTER TYPE "app"."mood" RENAME TO "mood_old"',
      `CREATE TYPE "app"."mood" AS ENUM ('c', 'a')`,
      'ALTER TABLE "public"."people" ALTER COLUMN "mood" DROP DEFAULT',
      'ALTER TABLE "public"."people" ALTER COLUMN "mood" TYPE "app"."mood" USING "mood"::text::"app"."mood"',
      `ALTER TABLE "public"."people" ALTER COLUMN "mood" SET DEFAULT 'a'`,
      'ALTER TABLE "crm"."leads" ALTER COLUMN "moods" TYPE "app"."mood"[] USING "moods"::text[]::"app"."mood"[]',
      'DROP TYPE "app"."mood_old"',
    ]);
  });

  it("drops the partial indexes and checks that cast to the type first and creates them again after the columns are converted", () => {
    const op = ops.alterEnum({
      schema: "app",
      name: "mood",
      from: ["a", "b"],
      to: ["a"],
      usages: [usage({})],
      dependents: [
        {
          schema: "public",
          table: "people",
          index: {
            name: "IDX_a",
            columns: ["id"],
            unique: false,
            where: "(mood = 'a'::app.mood)",
            method: "btree",
          },
        },
        {
          schema: "public",
          table: "people",
          check: { name: "CHK_a", expression: "(mood <> 'b'::app.mood)" },
        },
      ],
    });
    expect(compileOperation(op)).toEqual([
      'DROP INDEX "public"."IDX_a"',
      'ALTER TABLE "public"."people" DROP CONSTRAINT "CHK_a"',
      'ALTER TYPE "app"."mood" RENAME TO "mood_old"',
      `CREATE TYPE "app"."mood" AS ENUM ('a')`,
      'ALTER TABLE "public"."people" ALTER COLUMN "mood" TYPE "app"."mood" USING "mood"::text::"app"."mood"',
      `CREATE INDEX "IDX_a" ON "public"."people" ("id") WHERE (mood = 'a'::app.mood)`,
      `ALTER TABLE "public"."people" ADD CONSTRAINT "CHK_a" CHECK ((mood <> 'b'::app.mood))`,
      'DROP TYPE "app"."mood_old"',
    ]);
  });

  it("rebuilds a type nobody uses without touching any table", () => {
    expect(alter(["a", "b"], ["b"])).toEqual([
      'ALTER TYPE "app"."mood" RENAME TO "mood_old"',
      `CREATE TYPE "app"."mood" AS ENUM ('b')`,
      'DROP TYPE "app"."mood_old"',
    ]);
  });
});

describe("rebuildName", () => {
  it("appends _old", () => {
    expect(rebuildName("mood")).toBe("mood_old");
  });

  it("shortens a long name by whole characters so the result stays within 63 bytes", () => {
    const long = "é".repeat(31); // 62 bytes
    const aside = rebuildName(long);
    expect(aside).toBe(`${"é".repeat(29)}_old`);
    expect(Buffer.byteLength(aside)).toBeLessThanOrEqual(63);
  });
});

describe("addsEnumLabels", () => {
  const op = (from: string[], to: string[]) =>
    ops.alterEnum({ schema: "app", name: "mood", from, to, usages: [] });

  it("is true only for an alterEnum that compiles to ADD VALUE", () => {
    expect(addsEnumLabels(op(["a"], ["a", "b"]))).toBe(true);
    expect(addsEnumLabels(op(["a"], ["a"]))).toBe(false);
    expect(addsEnumLabels(op(["a", "b"], ["b"]))).toBe(false);
    expect(addsEnumLabels(ops.createSchema({ schema: "app" }))).toBe(false);
  });
});
