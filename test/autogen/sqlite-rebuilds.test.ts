import {
  Check,
  Column,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from "typeorm";
import {
  entity,
  type ClassDecorator,
  type EntityClass,
  type MemberDecorator,
  type Members,
} from "./support/entity";
import type { SqlClient } from "../../src/dialect/dialect";
import { describeCases } from "./support/run-case";

const SQLITE = ["sqlite"] as const;
const users = (members: Members, decorators: readonly ClassDecorator[] = []) =>
  entity({ name: "users", decorators }, { id: PrimaryGeneratedColumn(), ...members });
const name = (extra: object = {}) => Column({ type: "varchar", ...extra });
const teams = entity("teams", { id: PrimaryGeneratedColumn(), label: Column({ type: "varchar" }) });
const members = (onDelete: "CASCADE" | "SET NULL", parent: EntityClass = teams) =>
  entity("members", {
    id: PrimaryGeneratedColumn(),
    team: [ManyToOne(() => parent, { onDelete, nullable: true }), JoinColumn({ name: "teamId" })],
  });

/** `teams` with the given label column and `members` pointing at it, ON DELETE CASCADE. */
const parentAndChild = (label: MemberDecorator) => {
  const parent = entity("teams", { id: PrimaryGeneratedColumn(), label });
  return [parent, members("CASCADE", parent)];
};

/** A trigger autogen does not model: the seeded row goes in through it, upper-cased. */
const UPPERCASE_TRIGGER = `CREATE TRIGGER "users_upper_name" AFTER INSERT ON "users"
BEGIN UPDATE "users" SET "name" = upper(NEW."name") WHERE "id" = NEW."id"; END`;

/** A new row comes out upper-cased, so the trigger is there and fires; the row then goes. */
async function expectTriggerFires(client: SqlClient): Promise<void> {
  await client.query(`INSERT INTO "users" ("id", "name") VALUES (99, 'fired')`);
  const { rows } = await client.query(`SELECT "name" FROM "users" WHERE "id" = 99`);
  await client.query(`DELETE FROM "users" WHERE "id" = 99`);
  expect(rows).toEqual([{ name: "FIRED" }]);
}

/**
 * What SQLite's ALTER TABLE cannot do becomes one `rebuildTable`, which keeps every row; what
 * it can do stays in place. Every case also proves the SQLite claims of `runSqliteCase`.
 */
describeCases("SQLite table changes", [
  {
    name: "a new nullable column is added in place",
    dialects: SQLITE,
    before: [users({ name: name() })],
    after: [users({ name: name(), age: Column({ type: "integer", nullable: true }) })],
    sqliteExpect: [["addColumn", { table: "users", column: { name: "age", nullable: true } }]],
  },
  {
    name: "a new NOT NULL column with a literal default is added in place",
    dialects: SQLITE,
    before: [users({ name: name() })],
    after: [users({ name: name(), views: Column({ type: "integer", default: 0 }) })],
    sqliteExpect: [["addColumn", { column: { name: "views", default: "0" } }]],
  },
  {
    name: "a dropped column outside any constraint is dropped in place",
    dialects: SQLITE,
    before: [users({ name: name(), legacy: name({ nullable: true }) })],
    after: [users({ name: name() })],
    sqliteExpect: [["dropColumn", { name: "legacy" }]],
  },
  {
    name: "a new index is created in place",
    dialects: SQLITE,
    before: [users({ name: name() })],
    after: [users({ name: [name(), Index("IDX_users_name")] })],
    sqliteExpect: [["createIndex", { index: { name: "IDX_users_name" } }]],
  },
  {
    name: "a column made nullable rebuilds the table, keeping the rows",
    dialects: SQLITE,
    before: [users({ name: name() })],
    after: [users({ name: name({ nullable: true }) })],
    sqliteExpect: [["rebuildTable", { table: "users", copy: ["id", "name"] }]],
  },
  {
    name: "a rebuilt table keeps its triggers, which still fire after the upgrade and the downgrade",
    dialects: SQLITE,
    before: [users({ name: name() })],
    after: [users({ name: name({ nullable: true }) })],
    sqliteSetup: UPPERCASE_TRIGGER,
    sqliteExpect: [["rebuildTable", { table: "users", copy: ["id", "name"] }]],
    sqliteCheck: expectTriggerFires,
  },
  {
    name: "a column made NOT NULL rebuilds the table",
    dialects: SQLITE,
    before: [users({ name: name({ nullable: true }) })],
    after: [users({ name: name() })],
    sqliteExpect: [["rebuildTable", { table: "users" }]],
  },
  {
    name: "a type change rebuilds the table",
    dialects: SQLITE,
    before: [users({ name: name() })],
    after: [users({ name: Column({ type: "varchar", length: 40 }) })],
    sqliteExpect: [["rebuildTable", { table: "users" }]],
  },
  {
    name: "a changed default rebuilds the table",
    dialects: SQLITE,
    before: [users({ name: name({ default: "x" }) })],
    after: [users({ name: name({ default: "y" }) })],
    sqliteExpect: [["rebuildTable", { table: "users" }]],
  },
  {
    name: "a new unique constraint rebuilds the table",
    dialects: SQLITE,
    before: [users({ name: name() })],
    after: [users({ name: name({ unique: true }) })],
    sqliteExpect: [["rebuildTable", { table: "users" }]],
  },
  {
    name: "a new check constraint rebuilds the table",
    dialects: SQLITE,
    before: [users({ age: Column({ type: "integer" }) })],
    after: [users({ age: Column({ type: "integer" }) }, [Check("CHK_users_age", `"age" > 0`)])],
    sqliteExpect: [["rebuildTable", { table: "users" }]],
  },
  {
    name: "a nullable column dropped with its index drops both in place, the index first",
    dialects: SQLITE,
    before: [users({ name: name(), code: [name({ nullable: true }), Index("IDX_users_code")] })],
    after: [users({ name: name() })],
    sqliteExpect: [
      ["dropIndex", { name: "IDX_users_code" }],
      ["dropColumn", { name: "code" }],
    ],
  },
  {
    // With rows, the downgrade stops and rolls back (the old values are gone), as on PostgreSQL.
    name: "a NOT NULL column dropped rebuilds the table, as adding it back in place could not",
    dialects: SQLITE,
    seed: false,
    before: [users({ name: name(), code: [name(), Index("IDX_users_code")] })],
    after: [users({ name: name() })],
    sqliteExpect: [["rebuildTable", { table: "users", copy: ["id", "name"] }]],
  },
  {
    name: "a column dropped under a check constraint rebuilds the table",
    dialects: SQLITE,
    before: [
      users({ name: name(), age: Column({ type: "integer", nullable: true }) }, [
        Check("CHK_users_age", `"age" > 0`),
      ]),
    ],
    after: [users({ name: name() })],
    sqliteExpect: [["rebuildTable", { table: "users", copy: ["id", "name"] }]],
  },
  {
    name: "a column dropped under a unique constraint rebuilds the table",
    dialects: SQLITE,
    before: [users({ name: name(), email: name({ unique: true, nullable: true }) })],
    after: [users({ name: name() })],
    sqliteExpect: [["rebuildTable", { table: "users" }]],
  },
  {
    name: "a new table with a foreign key is created with it",
    dialects: SQLITE,
    before: [teams],
    after: [teams, members("CASCADE")],
    sqliteExpect: [
      ["createTable", { table: { name: "members" }, foreignKeys: [{ referencedTable: "teams" }] }],
    ],
  },
  {
    name: "a changed ON DELETE rebuilds the child table and keeps the parent's rows",
    dialects: SQLITE,
    before: [teams, members("CASCADE")],
    after: [teams, members("SET NULL")],
    sqliteExpect: [["rebuildTable", { table: "members" }]],
  },
  {
    name: "a parent rebuilt under its children's foreign keys keeps every child row",
    dialects: SQLITE,
    before: parentAndChild(name()),
    after: parentAndChild(name({ nullable: true })),
    sqliteExpect: [["rebuildTable", { table: "teams" }]],
  },
  {
    name: "a simple-enum is a CHECK that a new label rebuilds, with no churn before",
    dialects: SQLITE,
    before: [users({ role: Column({ type: "simple-enum", enum: ["admin", "member"] }) })],
    after: [users({ role: Column({ type: "simple-enum", enum: ["admin", "member", "guest"] }) })],
    sqliteExpect: [["rebuildTable", { table: "users" }]],
  },
  {
    name: "a composite unique from @Unique rebuilds the table",
    dialects: SQLITE,
    before: [users({ name: name(), code: name() })],
    after: [
      users({ name: name(), code: name() }, [Unique("UQ_users_name_code", ["name", "code"])]),
    ],
    sqliteExpect: [["rebuildTable", { table: "users" }]],
  },
]);
