import {
  Check,
  ChildEntity,
  Column,
  CreateDateColumn,
  DataSource,
  Entity,
  Generated,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  TableInheritance,
  Tree,
  TreeChildren,
  TreeParent,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from "typeorm";
import { schemaFromEntities } from "../../src/metadata";
import { createTestDatabase } from "../support/database";
import type { TestDatabase } from "../support/database";
import { snapshotOfDatabase, snapshotOfModel } from "./catalog-snapshot";

enum Status {
  Draft = "draft",
  Live = "live",
}

enum Level {
  Low = 1,
  High = 9,
}

@Entity({ comment: "every kind of column" })
class Kitchen {
  @PrimaryGeneratedColumn() id!: number;
  @Column() name!: string;
  @Column({ length: 80, comment: "shown to people" }) title!: string;
  @Column("char") letter!: string;
  @Column("character", { length: 3 }) code!: string;
  @Column("text", { nullable: true }) body!: string;
  @Column("int2") small!: number;
  @Column("int8", { default: 0 }) big!: string;
  @Column("decimal", { precision: 10, scale: 2 }) price!: string;
  @Column("numeric", { precision: 6 }) whole!: string;
  @Column("numeric") anyNumber!: string;
  @Column("float") ratio!: number;
  @Column("float4") approx!: number;
  @Column({ default: true }) active!: boolean;
  @Column("uuid", { nullable: true }) ref!: string;
  @Column("jsonb", { default: { a: 1 } }) settings!: object;
  @Column("json", { nullable: true }) raw!: object;
  @Column("date", { default: () => "CURRENT_DATE" }) day!: string;
  @Column() happenedAt!: Date;
  @Column({ type: "timestamptz", precision: 3, default: () => "now()" }) exactAt!: Date;
  @Column("time", { precision: 0, nullable: true }) clock!: string;
  @Column("timetz", { nullable: true }) zonedClock!: string;
  @Column("interval", { nullable: true }) span!: string;
  @Column("bytea", { nullable: true }) blob!: Buffer;
  @Column("bit") flag!: string;
  @Column({ type: "varbit", length: 12, nullable: true }) bits!: string;
  @Column("inet", { nullable: true }) address!: string;
  @Column("simple-array", { nullable: true }) list!: string[];
  @Column("simple-json", { nullable: true }) doc!: object;
  @Column("text", { array: true, default: ["a", "b"] }) tags!: string[];
  @Column("varchar", { length: 10, array: true, nullable: true }) labels!: string[];
  @Column({ type: "enum", enum: Status, default: Status.Draft }) status!: Status;
  @Column({ type: "enum", enum: Level, default: Level.Low }) level!: Level;
  @Column({ type: "enum", enum: Status, enumName: "lifecycle" }) phase!: Status;
  @Column({ type: "enum", enum: ["x", "y"], array: true, nullable: true }) marks!: string[];
  @Column({ type: "simple-enum", enum: ["s", "m", "l"], name: "Size" }) size!: string;
  @CreateDateColumn() createdAt!: Date;
  @UpdateDateColumn({ type: "timestamptz" }) updatedAt!: Date;
  @VersionColumn() version!: number;
}

@Entity()
@Unique(["firstName", "lastName"])
@Unique("UQ_author_handle", ["handle"])
@Check(`"age" >= 0`)
@Check("CHK_author_name", `"firstName" <> ''`)
@Index(["lastName", "firstName"])
@Index("IDX_author_live", ["handle"], { where: `"retired" = false` })
@Index("IDX_author_tags", ["tags"], { type: "gin" })
class Author {
  @PrimaryGeneratedColumn("uuid") id!: string;
  @Column() firstName!: string;
  @Column() lastName!: string;
  @Column() handle!: string;
  @Column({ unique: true }) email!: string;
  @Column() @Index({ unique: true }) slug!: string;
  @Column() @Index("IDX_author_manual", { synchronize: false }) age!: number;
  @Column({ default: false }) retired!: boolean;
  @Column("text", { array: true, default: [] }) tags!: string[];
  @Column() @Generated("uuid") token!: string;
}

@Entity()
class Tag {
  @PrimaryColumn() name!: string;
  @ManyToMany(() => Article, (article) => article.tags) articles!: Article[];
}

@Entity()
class Article {
  @PrimaryGeneratedColumn({ type: "bigint", primaryKeyConstraintName: "PK_article_custom" })
  id!: string;
  @ManyToOne(() => Author) author!: Author;
  @ManyToOne(() => Author, { onDelete: "CASCADE", onUpdate: "SET NULL", nullable: true })
  @JoinColumn({ name: "editor_id" })
  editor!: Author;
  @OneToOne(() => Kitchen, { onDelete: "RESTRICT" }) @JoinColumn() cover!: Kitchen;
  @ManyToMany(() => Tag, (tag) => tag.articles) @JoinTable() tags!: Tag[];
}

@Entity({ schema: "billing", comment: "money" })
class Invoice {
  @PrimaryColumn() number!: number;
  @PrimaryColumn() year!: number;
  @ManyToOne(() => Author, { nullable: false }) payer!: Author;
  @Column({ type: "enum", enum: Status, enumName: "lifecycle" }) phase!: Status;
  @Column({ type: "enum", enum: ["open", "paid"] }) state!: string;
}

@Entity({ schema: "billing" })
class InvoiceLine {
  @PrimaryGeneratedColumn() id!: number;
  @ManyToOne(() => Invoice, { onDelete: "CASCADE" }) invoice!: Invoice;
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
  // Declared NOT NULL, but a child's column lives in the shared table: TypeORM makes it nullable.
  @Column() caption!: string;
}

@Entity()
@Tree("closure-table")
class Category {
  @PrimaryGeneratedColumn() id!: number;
  @TreeChildren() children!: Category[];
  @TreeParent() parent!: Category;
}

const entities = [Kitchen, Author, Tag, Article, Invoice, InvoiceLine, Content, Photo, Category];

describe("schemaFromEntities against TypeORM's own synchronize", () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase("metadata");
    // TypeORM creates tables in a schema, never the schema itself.
    await db.query(`CREATE SCHEMA billing`);
    dataSource = new DataSource({
      type: "postgres",
      url: db.url,
      entities,
      synchronize: true,
      // gen_random_uuid() is built into PostgreSQL 13+, so no extension has to be installable.
      uuidExtension: "pgcrypto",
    });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it("names the same tables in the same schemas", async () => {
    const model = snapshotOfModel(schemaFromEntities(dataSource));
    const database = await snapshotOfDatabase(db);
    expect(model.tables.map((table) => table.table)).toEqual(
      database.tables.map((table) => table.table),
    );
  });

  it("gives every table the columns, types, nullability, constraints and indexes PostgreSQL reports", async () => {
    const model = snapshotOfModel(schemaFromEntities(dataSource));
    const database = await snapshotOfDatabase(db);
    for (const [index, table] of database.tables.entries()) {
      expect(model.tables[index]).toEqual(table);
    }
  });

  it("declares the enum types PostgreSQL holds, with their labels in order", async () => {
    const model = snapshotOfModel(schemaFromEntities(dataSource));
    const database = await snapshotOfDatabase(db);
    expect(model.enums).toEqual(database.enums);
  });
});
