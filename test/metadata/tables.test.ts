import {
  ChildEntity,
  Column,
  DefaultNamingStrategy,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  TableInheritance,
  Tree,
  TreeChildren,
  TreeParent,
  ViewColumn,
  ViewEntity,
} from "typeorm";
import { buildEntityMetadata, unmanagedObjects } from "../../src/metadata";
import { offlineDataSource, schemaOf, tableNamed } from "./entity-schema";

const naming = new DefaultNamingStrategy();

@Entity()
class Customer {
  @PrimaryGeneratedColumn() id!: number;
  @Column() name!: string;
}

@Entity({ schema: "billing" })
class Invoice {
  @PrimaryGeneratedColumn() id!: number;
  @ManyToOne(() => Customer) customer!: Customer;
}

@ViewEntity({ expression: `SELECT "id", "name" FROM "customer"` })
class CustomerName {
  @ViewColumn() id!: number;
  @ViewColumn() name!: string;
}

@Entity({ synchronize: false })
class LegacyReport {
  @PrimaryGeneratedColumn() id!: number;
}

@Entity()
class CustomerNote {
  @PrimaryGeneratedColumn() id!: number;
  @Column() @Index("IDX_customer_note_manual", { synchronize: false }) body!: string;
}

@Entity()
@TableInheritance({ column: { type: "varchar", name: "kind" } })
class Content {
  @PrimaryGeneratedColumn() id!: number;
  @Column() title!: string;
}

@ChildEntity()
class Photo extends Content {
  @Column({ nullable: true }) width!: number;
}

@ChildEntity()
class Video extends Content {
  @Column({ nullable: true }) seconds!: number;
}

@Entity()
@Tree("closure-table")
class Category {
  @PrimaryGeneratedColumn() id!: number;
  @TreeChildren() children!: Category[];
  @TreeParent() parent!: Category;
}

describe("tables and schemas", () => {
  it("place an entity in the schema its decorator names and list that schema", async () => {
    const schema = await schemaOf([Invoice, Customer]);
    const invoice = tableNamed(schema, "invoice");
    expect(invoice.schema).toBe("billing");
    expect(tableNamed(schema, "customer").schema).toBe("public");
    expect(schema.schemas).toEqual(["billing"]);
    expect(invoice.foreignKeys[0]).toMatchObject({
      name: naming.foreignKeyName("invoice", ["customerId"]),
      referencedSchema: "public",
      referencedTable: "customer",
    });
  });

  it("use the DataSource's schema option for entities that name none", async () => {
    const schema = await schemaOf([Invoice, Customer], { schema: "app" });
    expect(tableNamed(schema, "customer").schema).toBe("app");
    expect(tableNamed(schema, "invoice").schema).toBe("billing");
    expect(tableNamed(schema, "invoice").foreignKeys[0]?.referencedSchema).toBe("app");
    expect(schema.schemas).toEqual(["app", "billing"]);
  });

  it("leave out views and entities with synchronize: false", async () => {
    const schema = await schemaOf([Customer, CustomerName, LegacyReport]);
    expect(schema.tables.map((table) => table.name)).toEqual(["customer"]);
  });

  it("report what TypeORM leaves alone so the comparison can skip it", async () => {
    const dataSource = offlineDataSource([Customer, CustomerNote, LegacyReport, Invoice]);
    await buildEntityMetadata(dataSource);
    expect(unmanagedObjects(dataSource)).toEqual({
      tables: [{ schema: "public", name: "legacy_report" }],
      indexes: [{ schema: "public", table: "customer_note", name: "IDX_customer_note_manual" }],
    });
  });

  it("fold single-table-inheritance children into the parent table with its discriminator", async () => {
    const schema = await schemaOf([Content, Photo, Video]);
    expect(schema.tables.map((table) => table.name)).toEqual(["content"]);
    const content = tableNamed(schema, "content");
    expect(content.columns.map((column) => column.name)).toEqual([
      "id",
      "title",
      "width",
      "seconds",
      "kind",
    ]);
    expect(content.indexes.map((index) => index.columns)).toEqual([["kind"]]);
  });

  it("create closure tables with their closure junction table", async () => {
    const schema = await schemaOf([Category]);
    expect(schema.tables.map((table) => table.name)).toEqual(["category", "category_closure"]);
    expect(tableNamed(schema, "category_closure").primaryKey?.columns).toEqual([
      "id_ancestor",
      "id_descendant",
    ]);
  });
});
