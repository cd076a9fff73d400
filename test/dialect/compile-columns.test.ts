import { compileOperation } from "../../src/dialect/postgres/compile/compile";
import { AutogenError } from "../../src/errors";
import { ops } from "../../src/ops/factories";
import type { ColumnChange } from "../../src/ops/operations";

const ALTER = 'ALTER TABLE "public"."t" ALTER COLUMN "c"';

const alter = (from: ColumnChange, to: ColumnChange, using?: string) =>
  compileOperation(
    ops.alterColumn({
      schema: "public",
      table: "t",
      name: "c",
      from,
      to,
      ...(using ? { using } : {}),
    }),
  );

const builtin = (type: string): ColumnChange => ({ type, typeSchema: null, isArray: false });

describe("alterColumn", () => {
  it.each<[string, ColumnChange, ColumnChange, string[]]>([
    [
      "changes the type in place with a cast",
      builtin("character varying(50)"),
      builtin("character varying(100)"),
      [`${ALTER} TYPE character varying(100) USING "c"::character varying(100)`],
    ],
    [
      "casts to a qualified enum array",
      builtin("text"),
      { type: "mood", typeSchema: "app", isArray: true },
      [`${ALTER} TYPE "app"."mood"[] USING "c"::"app"."mood"[]`],
    ],
    [
      "casts an enum array to another enum's array through text, as PostgreSQL has no enum-to-enum cast",
      { type: "mood", typeSchema: "app", isArray: true },
      { type: "feeling", typeSchema: "app", isArray: true },
      [`${ALTER} TYPE "app"."feeling"[] USING "c"::text[]::"app"."feeling"[]`],
    ],
    ["sets NOT NULL", { nullable: true }, { nullable: false }, [`${ALTER} SET NOT NULL`]],
    ["drops NOT NULL", { nullable: false }, { nullable: true }, [`${ALTER} DROP NOT NULL`]],
    ["sets a default", { default: null }, { default: "now()" }, [`${ALTER} SET DEFAULT now()`]],
    ["drops a default", { default: "0" }, { default: null }, [`${ALTER} DROP DEFAULT`]],
    [
      "sets a comment",
      { comment: null },
      { comment: "it's" },
      [`COMMENT ON COLUMN "public"."t"."c" IS 'it''s'`],
    ],
    [
      "removes a comment",
      { comment: "x" },
      { comment: null },
      [`COMMENT ON COLUMN "public"."t"."c" IS NULL`],
    ],
    [
      "drops the default before a type change and sets the new one after",
      { ...builtin("text"), default: "'1'::text" },
      { ...builtin("integer"), default: "1" },
      [
        `${ALTER} DROP DEFAULT`,
        `${ALTER} TYPE integer USING "c"::integer`,
        `${ALTER} SET DEFAULT 1`,
      ],
    ],
    [
      "restores an unchanged default stated beside a type change, which PostgreSQL could not cast",
      { type: "mood", typeSchema: "app", isArray: false, default: "'a'" },
      { type: "feeling", typeSchema: "app", isArray: false, default: "'a'" },
      [
        `${ALTER} DROP DEFAULT`,
        `${ALTER} TYPE "app"."feeling" USING "c"::text::"app"."feeling"`,
        `${ALTER} SET DEFAULT 'a'`,
      ],
    ],
    [
      "only sets the new default when a type change adds one",
      { ...builtin("integer"), default: null },
      { ...builtin("bigint"), default: "7" },
      [`${ALTER} TYPE bigint USING "c"::bigint`, `${ALTER} SET DEFAULT 7`],
    ],
    [
      "only drops the old default when a type change removes it",
      { ...builtin("integer"), default: "7" },
      { ...builtin("bigint"), default: null },
      [`${ALTER} DROP DEFAULT`, `${ALTER} TYPE bigint USING "c"::bigint`],
    ],
    [
      "orders every change: type, default, nullability, comment",
      { ...builtin("integer"), nullable: true, default: null, comment: null },
      { ...builtin("bigint"), nullable: false, default: "0", comment: "n" },
      [
        `${ALTER} TYPE bigint USING "c"::bigint`,
        `${ALTER} SET DEFAULT 0`,
        `${ALTER} SET NOT NULL`,
        `COMMENT ON COLUMN "public"."t"."c" IS 'n'`,
      ],
    ],
    [
      "emits nothing for attributes stated but unchanged",
      { ...builtin("integer"), nullable: true, default: "1", comment: "x" },
      { ...builtin("integer"), nullable: true, default: "1", comment: "x" },
      [],
    ],
  ])("%s", (_name, from, to, sql) => {
    expect(alter(from, to)).toEqual(sql);
  });

  it("uses the conversion expression given instead of a cast", () => {
    expect(alter(builtin("text"), builtin("integer"), "length(c)")).toEqual([
      `${ALTER} TYPE integer USING length(c)`,
    ]);
  });

  it("refuses a type change that does not state the whole new type", () => {
    expect(() => alter({ isArray: false }, { isArray: true })).toThrow(AutogenError);
    expect(() => alter({ type: "a" }, { type: "b" })).toThrow(/without stating it whole/);
  });
});

describe("alterColumn with a backfill", () => {
  it("fills the rows holding NULL after a new default and before SET NOT NULL", () => {
    const sql = compileOperation(
      ops.alterColumn({
        schema: "public",
        table: "t",
        name: "c",
        from: { nullable: true, default: null },
        to: { nullable: false, default: "'free'::text" },
        backfill: "'free'::text",
      }),
    );
    expect(sql).toEqual([
      `${ALTER} SET DEFAULT 'free'::text`,
      `UPDATE "public"."t" SET "c" = 'free'::text WHERE "c" IS NULL`,
      `${ALTER} SET NOT NULL`,
    ]);
  });
});
