import { Check, Column, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import { entity, type ClassDecorator } from "./support/entity";
import { describeCases } from "./support/run-case";

const products = (...decorators: ClassDecorator[]) =>
  entity(
    { name: "products", decorators },
    {
      id: PrimaryGeneratedColumn(),
      price: Column({ type: "numeric", precision: 10, scale: 2 }),
      stock: Column({ type: "int", default: 0 }),
      name: Column({ type: "varchar", length: 60 }),
    },
  );

describeCases("checks and primary keys", [
  {
    name: "a new check constraint is added",
    dialects: ["postgres", "sqlite"],
    before: [products()],
    after: [products(Check("CHK_products_price", `"price" >= 0`))],
    expect: [
      [
        "addCheck",
        { check: { name: "CHK_products_price", expression: "(price >= (0)::numeric)" } },
      ],
    ],
    sql: [
      `ALTER TABLE "public"."products" ADD CONSTRAINT "CHK_products_price" CHECK ((price >= (0)::numeric))`,
    ],
  },
  {
    name: "an unnamed check gets TypeORM's generated name",
    dialects: ["postgres", "sqlite"],
    before: [products()],
    after: [products(Check(`"stock" >= 0 AND "name" <> ''`))],
    expect: [
      ["addCheck", { check: { expression: "((stock >= 0) AND ((name)::text <> ''::text))" } }],
    ],
  },
  {
    name: "a changed CHECK expression is detected, which migration:generate misses (#11714)",
    dialects: ["postgres", "sqlite"],
    before: [products(Check("CHK_products_price", `"price" >= 0`))],
    after: [products(Check("CHK_products_price", `"price" > 0`))],
    expect: [
      [
        "dropCheck",
        { name: "CHK_products_price", previous: { expression: "(price >= (0)::numeric)" } },
      ],
      ["addCheck", { check: { name: "CHK_products_price", expression: "(price > (0)::numeric)" } }],
    ],
    typeormGenerates: { issue: "#11714", matching: "nothing" },
  },
  {
    name: "a check spelled differently but meaning the same is no change",
    dialects: ["postgres", "sqlite"],
    before: [products(Check("CHK_products_stock", `"stock" >= 0`))],
    after: [products(Check("CHK_products_stock", `stock>=0`))],
    expect: [],
  },
  {
    name: "a removed check is dropped, and the downgrade adds it again",
    dialects: ["postgres", "sqlite"],
    before: [products(Check("CHK_products_stock", `"stock" BETWEEN 0 AND 1000`))],
    after: [products()],
    expect: [["dropCheck", { name: "CHK_products_stock" }]],
  },
  {
    name: "a primary key moved to another column is dropped and added",
    dialects: ["postgres", "sqlite"],
    before: [
      entity("codes", {
        code: PrimaryColumn({ type: "varchar", length: 8 }),
        serialNo: Column({ type: "int" }),
      }),
    ],
    after: [
      entity("codes", {
        code: Column({ type: "varchar", length: 8 }),
        serialNo: PrimaryColumn({ type: "int" }),
      }),
    ],
    expect: [
      ["dropPrimaryKey", { previous: { columns: ["code"] } }],
      ["addPrimaryKey", { primaryKey: { columns: ["serialNo"] } }],
    ],
  },
  {
    name: "a column added to the primary key makes it composite",
    before: [
      entity("codes", {
        code: PrimaryColumn({ type: "varchar", length: 8 }),
        region: Column({ type: "char", length: 2 }),
      }),
    ],
    after: [
      entity("codes", {
        code: PrimaryColumn({ type: "varchar", length: 8 }),
        region: PrimaryColumn({ type: "char", length: 2 }),
      }),
    ],
    expect: [
      ["dropPrimaryKey", { previous: { columns: ["code"] } }],
      ["addPrimaryKey", { primaryKey: { columns: ["code", "region"] } }],
    ],
  },
  {
    name: "a column removed from a composite primary key is dropped from it",
    before: [
      entity("codes", {
        code: PrimaryColumn({ type: "varchar", length: 8 }),
        region: PrimaryColumn({ type: "char", length: 2 }),
      }),
    ],
    after: [
      entity("codes", {
        code: PrimaryColumn({ type: "varchar", length: 8 }),
        region: Column({ type: "char", length: 2 }),
      }),
    ],
    expect: [["dropPrimaryKey"], ["addPrimaryKey", { primaryKey: { columns: ["code"] } }]],
  },
  {
    name: "a primary key given a constraint name is renamed in place, not rebuilt",
    before: [entity("codes", { code: PrimaryColumn({ type: "varchar", length: 8 }) })],
    after: [
      entity("codes", {
        code: PrimaryColumn({ type: "varchar", length: 8, primaryKeyConstraintName: "codes_pk" }),
      }),
    ],
    expect: [["renameConstraint", { table: "codes", to: "codes_pk" }]],
  },
]);
