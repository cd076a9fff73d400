import { Column, Index, PrimaryGeneratedColumn, ViewColumn } from "typeorm";
import type { ColumnOptions } from "typeorm";
import { entity, viewEntity, type ClassDecorator } from "./support/entity";
import { describeCases } from "./support/run-case";

const accounts = (balance: ColumnOptions = { type: "int" }) =>
  entity("accounts", {
    id: PrimaryGeneratedColumn(),
    owner: Column({ type: "varchar", length: 40 }),
    balance: Column(balance),
  });

const rich = (threshold: number, materialized = false, decorators: ClassDecorator[] = []) => {
  const view = viewEntity(
    "RichAccounts",
    {
      name: "rich_accounts",
      materialized,
      expression: `SELECT "id", "owner", "balance" FROM "accounts" WHERE "balance" > ${threshold}`,
    },
    { id: ViewColumn(), owner: ViewColumn(), balance: ViewColumn() },
  );
  for (const decorate of decorators) decorate(view);
  return view;
};

/** A view over `rich_accounts`: it must come after it, and go before it. */
const owners = () =>
  viewEntity(
    "RichOwners",
    { name: "rich_owners", expression: `SELECT DISTINCT "owner" FROM "rich_accounts"` },
    { owner: ViewColumn() },
  );

describeCases("views", [
  {
    name: "a new @ViewEntity creates its view after the table it reads",
    before: [accounts()],
    after: [accounts(), rich(100)],
    expect: [["createView", { view: { name: "rich_accounts", materialized: false } }]],
  },
  {
    name: "a changed view query drops and creates the view",
    before: [accounts(), rich(100)],
    after: [accounts(), rich(1000)],
    expect: [
      ["dropView", { name: "rich_accounts" }],
      ["createView", { view: { name: "rich_accounts" } }],
    ],
  },
  {
    name: "a removed @ViewEntity drops its view",
    before: [accounts(), rich(100)],
    after: [accounts()],
    expect: [["dropView", { name: "rich_accounts", materialized: false }]],
  },
  {
    name: "a view over a column whose type changes is dropped before and created after",
    before: [accounts(), rich(100)],
    after: [accounts({ type: "bigint" }), rich(100)],
    expect: [
      ["dropView"],
      ["alterColumn", { name: "balance", to: { type: "bigint" } }],
      ["createView"],
    ],
  },
  {
    name: "a view reading a view is created after it, and both are re-created when the first changes",
    before: [accounts(), rich(100), owners()],
    after: [accounts(), rich(500), owners()],
    expect: [
      ["dropView", { name: "rich_owners" }],
      ["dropView", { name: "rich_accounts" }],
      ["createView", { view: { name: "rich_accounts" } }],
      ["createView", { view: { name: "rich_owners" } }],
    ],
  },
  {
    name: "an index added to an existing materialized view is created on it",
    before: [accounts(), rich(100, true)],
    after: [accounts(), rich(100, true, [Index("IDX_rich_owner", ["owner"])])],
    expect: [["createIndex", { table: "rich_accounts", index: { name: "IDX_rich_owner" } }]],
  },
  {
    name: "a materialized view is created with its index",
    before: [accounts()],
    after: [accounts(), rich(100, true, [Index("IDX_rich_owner", ["owner"])])],
    expect: [
      ["createView", { view: { name: "rich_accounts", materialized: true } }],
      ["createIndex", { table: "rich_accounts", index: { name: "IDX_rich_owner" } }],
    ],
  },
]);
