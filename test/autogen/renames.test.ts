import { Column, Index, PrimaryGeneratedColumn } from "typeorm";
import type { TestDatabase } from "../support/database";
import { entity, type Members } from "./support/entity";
import { describeCases } from "./support/run-case";

const users = (members: Members) =>
  entity("users", { id: PrimaryGeneratedColumn(), email: Column({ type: "varchar" }), ...members });
const seedUsers = `INSERT INTO users (email, fullname) VALUES ('ada@example.com', 'Ada Lovelace'), ('bob@example.com', NULL)`;
/** The rows as tuples of text: the same whatever the columns are called. */
const tuples = "SELECT row(u.*)::text AS r FROM users AS u ORDER BY 1";
const count = async (db: TestDatabase, sql: string) =>
  ((await db.query<{ n: number }>(sql))[0] as { n: number }).n;

describeCases("renames", [
  {
    name: "the seeds' fullname -> full_name is one renameColumn that keeps every row, and the downgrade renames it back",
    before: [users({ fullname: Column({ type: "varchar", nullable: true }) })],
    after: [users({ full_name: Column({ type: "varchar", nullable: true }) })],
    renames: {
      tables: [],
      columns: [{ schema: "public", table: "users", from: "fullname", to: "full_name" }],
    },
    seed: seedUsers,
    rows: tuples,
    expect: [["renameColumn", { table: "users", from: "fullname", to: "full_name" }]],
    sql: [`ALTER TABLE "public"."users" RENAME COLUMN "fullname" TO "full_name"`],
    upgraded: async (db) =>
      expect(
        await count(db, "SELECT count(*)::int AS n FROM users WHERE full_name = 'Ada Lovelace'"),
      ).toBe(1),
  },
  {
    name: "a renamed column keeps its index, which TypeORM names after the column, renamed along",
    before: [
      entity("people", {
        id: PrimaryGeneratedColumn(),
        fullname: [Column({ type: "varchar", nullable: true }), Index("IDX_people_fullname")],
      }),
    ],
    after: [
      entity("people", {
        id: PrimaryGeneratedColumn(),
        full_name: [Column({ type: "varchar", nullable: true }), Index("IDX_people_full_name")],
      }),
    ],
    renames: {
      tables: [],
      columns: [{ schema: "public", table: "people", from: "fullname", to: "full_name" }],
    },
    expect: [
      ["renameColumn", { from: "fullname", to: "full_name" }],
      ["renameIndex", { from: "IDX_people_fullname", to: "IDX_people_full_name" }],
    ],
  },
  {
    name: "a renamed table keeps its rows, and its primary key is renamed rather than rebuilt",
    before: [entity("tags", { id: PrimaryGeneratedColumn(), label: Column({ type: "varchar" }) })],
    after: [entity("labels", { id: PrimaryGeneratedColumn(), label: Column({ type: "varchar" }) })],
    renames: { tables: [{ schema: "public", from: "tags", to: "labels" }], columns: [] },
    seed: "INSERT INTO tags (label) VALUES ('red'), ('blue')",
    expect: [
      ["renameTable", { from: "tags", to: "labels" }],
      ["renameConstraint", {}],
    ],
    upgraded: async (db) =>
      expect(
        await count(db, "SELECT count(*)::int AS n FROM labels WHERE label IN ('red', 'blue')"),
      ).toBe(2),
  },
  {
    name: "a renamed enum column keeps its rows, and its enum type is renamed with the same labels",
    before: [
      users({ role: Column({ type: "enum", enum: ["admin", "member"], default: "member" }) }),
    ],
    after: [
      users({ kind: Column({ type: "enum", enum: ["admin", "member"], default: "member" }) }),
    ],
    renames: {
      tables: [],
      columns: [{ schema: "public", table: "users", from: "role", to: "kind" }],
    },
    seed: "INSERT INTO users (email, role) VALUES ('a@example.com', 'admin'), ('b@example.com', 'member')",
    rows: tuples,
    expect: [
      ["renameColumn", { from: "role", to: "kind" }],
      ["renameEnum", { from: "users_role_enum", to: "users_kind_enum" }],
    ],
  },
  {
    name: "without a hint a plausible rename stays a drop and an add",
    before: [users({ fullname: Column({ type: "varchar", nullable: true }) })],
    after: [users({ full_name: Column({ type: "varchar", nullable: true }) })],
    expect: [
      ["addColumn", { column: { name: "full_name" } }],
      ["dropColumn", { name: "fullname" }],
    ],
  },
]);
