import { compileOperation, compileOperations } from "../../src/dialect/postgres/compile/compile";
import { ops } from "../../src/ops/factories";
import type { Operation } from "../../src/ops/operations";
import { reverseOperations } from "../../src/ops/reverse";
import type { Column, TableShape } from "../../src/schema/model";
import { createTestDatabase } from "../support/database";
import { column } from "../support/model-builders";
import { runStatements, scalar, snapshot } from "./support/catalog";

/** Names and texts that break SQL built by string concatenation. */
const SCHEMA = 'we"ird schema';
const TABLE = "x; DROP TABLE canary; --";
const ENUM = 'mo"od';
const LABELS = ["it's", "a\\b", "$$", "'); DROP TABLE canary; --"];
const COMMENT = "'); DROP TABLE canary; -- \\ $$ \"";
const on = { schema: SCHEMA, table: TABLE };

const columns: Column[] = [
  column("a'b", "integer"),
  column("$$", "text", { nullable: true, comment: COMMENT }),
  column("select", 'mo"od', { typeSchema: SCHEMA, nullable: true, default: "'$$'" }),
  column("ünï😀", "text", { isArray: true, nullable: true }),
  column("back\\slash", "integer", { nullable: true }),
];

const table: TableShape = {
  schema: SCHEMA,
  name: TABLE,
  columns,
  primaryKey: { name: "pk'; DROP TABLE canary; --", columns: ["a'b"] },
  uniques: [{ name: 'uq"', columns: ["$$", "select"] }],
  checks: [{ name: "chk$$", expression: `("a'b" > 0)` }],
  comment: COMMENT,
};

describe("compiling hostile names", () => {
  it.each<[string, Operation, string[]]>([
    ["a schema", ops.createSchema({ schema: SCHEMA }), ['CREATE SCHEMA "we""ird schema"']],
    [
      "an enum and its labels",
      ops.createEnum({ enum: { schema: SCHEMA, name: ENUM, values: LABELS } }),
      [
        String.raw`CREATE TYPE "we""ird schema"."mo""od" AS ENUM ('it''s', E'a\\b', '$$', '''); DROP TABLE canary; --')`,
      ],
    ],
    [
      "a table, column and comment",
      ops.addColumn({ ...on, column: column("a'b", "text", { comment: COMMENT }) }),
      [
        `ALTER TABLE "we""ird schema"."x; DROP TABLE canary; --" ADD COLUMN "a'b" text NOT NULL`,
        String.raw`COMMENT ON COLUMN "we""ird schema"."x; DROP TABLE canary; --"."a'b" IS E'''); DROP TABLE canary; -- \\ $$ "'`,
      ],
    ],
    [
      "an index on reserved-word and dollar columns",
      ops.createIndex({
        ...on,
        index: {
          name: 'idx "$$"',
          columns: ["select", "$$"],
          unique: false,
          where: null,
          method: "btree",
        },
      }),
      ['CREATE INDEX "idx ""$$""" ON "we""ird schema"."x; DROP TABLE canary; --" ("select", "$$")'],
    ],
  ])("quotes %s", (_what, op, sql) => {
    expect(compileOperation(op)).toEqual(sql);
  });
});

describe("hostile names on a real database", () => {
  it("creates exactly the named objects, leaves the canary alone, and reverses cleanly", async () => {
    const db = await createTestDatabase("hostile");
    try {
      await db.query("CREATE TABLE canary (note text); INSERT INTO canary VALUES ('alive')");
      const start = await snapshot(db);
      const migration: Operation[] = [
        ops.createSchema({ schema: SCHEMA }),
        ops.createEnum({ enum: { schema: SCHEMA, name: ENUM, values: LABELS } }),
        ops.createTable({ table }),
        ops.createIndex({
          ...on,
          index: {
            name: 'idx "$$"',
            columns: ["select", "$$"],
            unique: false,
            where: null,
            method: "btree",
          },
        }),
        ops.addForeignKey({
          ...on,
          foreignKey: {
            name: "fk\\",
            columns: ["back\\slash"],
            referencedSchema: SCHEMA,
            referencedTable: TABLE,
            referencedColumns: ["a'b"],
            onDelete: "SET NULL",
            onUpdate: "NO ACTION",
          },
        }),
        ops.alterEnum({
          schema: SCHEMA,
          name: ENUM,
          from: LABELS,
          to: ["$$", "it's", "a\\b"],
          usages: [{ ...on, column: "select", isArray: false, default: "'$$'" }],
        }),
        ops.alterColumn({
          ...on,
          name: "$$",
          from: { comment: COMMENT },
          to: { comment: "$x$ ' \\" },
        }),
        ops.execute({
          sql: `INSERT INTO "we""ird schema"."x; DROP TABLE canary; --" ("a'b", "$$") VALUES ($1, $2)`,
          params: [1, COMMENT],
          reverseSql: `DELETE FROM "we""ird schema"."x; DROP TABLE canary; --"`,
        }),
      ];

      await runStatements(db.url, compileOperations(migration, { inlineParams: true }));
      expect(await db.query("SELECT note FROM canary")).toEqual([{ note: "alive" }]);
      const names = await db.query<{ n: string }>(
        `SELECT relname AS n FROM pg_class WHERE relnamespace = $1::regnamespace ORDER BY relname COLLATE "C"`,
        [`"we""ird schema"`],
      );
      expect(names.map((r) => r.n)).toEqual([
        'idx "$$"',
        "pk'; DROP TABLE canary; --",
        'uq"',
        TABLE,
      ]);
      expect(
        await scalar(db, `SELECT enum_range(NULL::"we""ird schema"."mo""od")::text[]`),
      ).toEqual(["$$", "it's", "a\\b"]);
      expect(
        await db.query(
          `SELECT "$$" AS c, "select"::text AS s FROM "we""ird schema"."x; DROP TABLE canary; --"`,
        ),
      ).toEqual([{ c: COMMENT, s: "$$" }]);
      expect(
        await scalar(db, `SELECT obj_description($1::regclass, 'pg_class')`, [
          `"we""ird schema"."x; DROP TABLE canary; --"`,
        ]),
      ).toBe(COMMENT);

      await runStatements(db.url, compileOperations(reverseOperations(migration)));
      expect(await snapshot(db)).toEqual(start);
      expect(await db.query("SELECT note FROM canary")).toEqual([{ note: "alive" }]);
    } finally {
      await db.drop();
    }
  });
});
