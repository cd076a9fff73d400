import { Column, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import { entity, type Members } from "./support/entity";
import { describeCases } from "./support/run-case";

const users = (extra: Members = {}, comment?: string) =>
  entity(
    { name: "users", ...(comment === undefined ? {} : { comment }) },
    { id: PrimaryGeneratedColumn(), email: Column({ type: "varchar", length: 120 }), ...extra },
  );
const auditEvents = () =>
  entity(
    { name: "events", schema: "audit" },
    { id: PrimaryGeneratedColumn(), kind: Column({ type: "text" }) },
  );
const auditLogins = () =>
  entity(
    { name: "logins", schema: "audit" },
    { id: PrimaryGeneratedColumn(), at: Column({ type: "timestamptz" }) },
  );
const notes = () =>
  entity("notes", { id: PrimaryGeneratedColumn(), body: Column({ type: "text" }) });

describeCases("tables", [
  {
    name: "a new entity creates its table with its primary key",
    before: [],
    after: [users()],
    expect: [["createTable", { table: { name: "users", primaryKey: { columns: ["id"] } } }]],
    sql: [
      `CREATE TABLE "public"."users" ("id" serial NOT NULL, "email" character varying(120) NOT NULL,
       CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    ],
  },
  {
    name: "a removed entity drops its table, which migration:generate never does (#7814)",
    before: [users(), notes()],
    after: [users()],
    expect: [["dropTable", { name: "notes", previous: { name: "notes" } }]],
    typeormGenerates: { issue: "#7814", matching: "nothing" },
  },
  {
    name: "a table no entity describes, made by hand, is dropped and comes back on downgrade",
    before: `CREATE TABLE legacy (code char(3) PRIMARY KEY, label text DEFAULT 'x' NOT NULL)`,
    after: [users()],
    expect: [
      ["dropTable", { name: "legacy" }],
      ["createTable", { table: { name: "users" } }],
    ],
  },
  {
    name: "an entity in a new schema creates the schema, then the table",
    before: [users()],
    after: [users(), auditEvents()],
    expect: [
      ["createSchema", { schema: "audit" }],
      ["createTable", { table: { schema: "audit", name: "events" } }],
    ],
  },
  {
    name: "a table removed from a non-public schema that entities still use is dropped",
    before: [users(), auditEvents(), auditLogins()],
    after: [users(), auditLogins()],
    expect: [["dropTable", { schema: "audit", name: "events" }]],
  },
  {
    name: "the same table name in two schemas makes two tables",
    before: [users()],
    after: [
      users(),
      entity(
        { name: "users", schema: "archive" },
        { id: PrimaryColumn({ type: "integer" }), email: Column({ type: "text" }) },
      ),
    ],
    expect: [["createSchema"], ["createTable", { table: { schema: "archive", name: "users" } }]],
  },
  {
    name: "a table comment is added",
    before: [users()],
    after: [users({}, "people who sign in")],
    expect: [["setTableComment", { comment: "people who sign in", previous: null }]],
  },
  {
    name: "a table comment with quotes is changed",
    before: [users({}, "people")],
    after: [users({}, 'people\'s "accounts"')],
    expect: [["setTableComment", { comment: 'people\'s "accounts"', previous: "people" }]],
  },
  {
    name: "a table comment is removed",
    before: [users({}, "people")],
    after: [users()],
    expect: [["setTableComment", { comment: null, previous: "people" }]],
  },
  {
    name: "an entity with synchronize: false is neither created nor dropped",
    before: [users()],
    after: [
      users(),
      entity(
        { name: "notes", synchronize: false },
        { id: PrimaryGeneratedColumn(), body: Column({ type: "text" }) },
      ),
    ],
    expect: [],
  },
]);
