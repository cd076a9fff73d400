import { Column, Index, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import { entity, type EntityClass, type Members } from "./support/entity";
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
/** Two tables in a schema whose names all need quoting, with the enum and price column named as given. */
function salesTables(enumName: string, label: string, price: string): EntityClass[] {
  const order = entity(
    { name: "Order List", schema: "Sales Dept", className: "OrderList" },
    {
      id: PrimaryGeneratedColumn(),
      state: Column({ type: "enum", enum: ["new", label], enumName, default: label }),
    },
  );
  const item = entity(
    {
      name: "Order Items",
      schema: "Sales Dept",
      className: "OrderItem",
      decorators: [
        Index("IDX Unit Price", [price], { where: `"${price.replaceAll('"', '""')}" > 0` }),
      ],
    },
    {
      id: PrimaryGeneratedColumn(),
      [price]: Column({ type: "numeric", precision: 8, scale: 2, comment: "in €, it's" }),
      order: ManyToOne(() => order, { onDelete: "CASCADE" }),
    },
  );
  return [order, item];
}
const notes = () =>
  entity("notes", { id: PrimaryGeneratedColumn(), body: Column({ type: "text" }) });

describeCases("tables", [
  {
    name: "a new entity creates its table with its primary key",
    dialects: ["postgres", "sqlite"],
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
    dialects: ["postgres", "sqlite"],
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
    dialects: ["postgres", "sqlite"],
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
    dialects: ["postgres", "sqlite"],
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
    name: "names with capitals and spaces are quoted everywhere",
    before: [],
    after: salesTables("Order State", "done", "Unit Price"),
    expect: [
      ["createSchema", { schema: "Sales Dept" }],
      [
        "createEnum",
        { enum: { schema: "Sales Dept", name: "Order State", values: ["new", "done"] } },
      ],
      ["createTable", { table: { name: "Order Items" } }],
      ["createIndex", { index: { name: "IDX Unit Price" } }],
      ["createTable", { table: { name: "Order List" } }],
      ["addForeignKey", { table: "Order Items", foreignKey: { referencedTable: "Order List" } }],
    ],
  },
  {
    name: "quotes in enum and column names and an apostrophe in a label are escaped, where TypeORM's SQL breaks",
    before: [],
    after: salesTables('Order"State', "it's done", 'Unit "Price"'),
    typeormIsWrong: "TypeORM writes these names and labels into its SQL unescaped",
    expect: [
      ["createSchema"],
      ["createEnum", { enum: { name: 'Order"State', values: ["new", "it's done"] } }],
      ["createTable"],
      ["createIndex"],
      ["createTable"],
      ["addForeignKey"],
    ],
  },
  {
    name: "a table comment is added",
    dialects: ["postgres", "sqlite"],
    before: [users()],
    after: [users({}, "people who sign in")],
    expect: [["setTableComment", { comment: "people who sign in", previous: null }]],
  },
  {
    name: "a table comment with quotes is changed",
    dialects: ["postgres", "sqlite"],
    before: [users({}, "people")],
    after: [users({}, 'people\'s "accounts"')],
    expect: [["setTableComment", { comment: 'people\'s "accounts"', previous: "people" }]],
  },
  {
    name: "a table comment is removed",
    dialects: ["postgres", "sqlite"],
    before: [users({}, "people")],
    after: [users()],
    expect: [["setTableComment", { comment: null, previous: "people" }]],
  },
  {
    name: "an entity with synchronize: false is neither created nor dropped",
    dialects: ["postgres", "sqlite"],
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
