import {
  ChildEntity,
  Column,
  CreateDateColumn,
  DeleteDateColumn,
  Entity,
  JoinTable,
  ManyToMany,
  PrimaryGeneratedColumn,
  TableInheritance,
  Tree,
  TreeChildren,
  TreeParent,
  UpdateDateColumn,
  VersionColumn,
} from "typeorm";
import { roundTrip } from "../autogen/support/run-case";

@Entity("closure_categories")
@Tree("closure-table")
class ClosureCategory {
  @PrimaryGeneratedColumn() id!: number;
  @Column() name!: string;
  @TreeChildren() children!: ClosureCategory[];
  @TreeParent({ onDelete: "CASCADE" }) parent!: ClosureCategory;
}

@Entity("path_categories")
@Tree("materialized-path")
class PathCategory {
  @PrimaryGeneratedColumn() id!: number;
  @TreeChildren() children!: PathCategory[];
  @TreeParent() parent!: PathCategory;
}

@Entity("set_categories")
@Tree("nested-set")
class SetCategory {
  @PrimaryGeneratedColumn() id!: number;
  @TreeChildren() children!: SetCategory[];
  @TreeParent() parent!: SetCategory;
}

@Entity("contents")
@TableInheritance({ column: { type: "varchar", name: "kind" } })
class Content {
  @PrimaryGeneratedColumn() id!: number;
  @Column() title!: string;
}

@ChildEntity("photo")
class Photo extends Content {
  @Column({ nullable: true }) width!: number;
}

@ChildEntity("article")
class Article extends Content {
  @Column("text", { nullable: true }) body!: string;
}

@Entity("contents")
@TableInheritance({ column: { type: "varchar", name: "kind" } })
class EarlierContent {
  @PrimaryGeneratedColumn() id!: number;
  @Column() title!: string;
}

@ChildEntity("photo")
class EarlierPhoto extends EarlierContent {
  @Column({ nullable: true }) width!: number;
}

class Address {
  @Column({ length: 80 }) street!: string;
  @Column({ nullable: true }) city!: string;
}

@Entity("customers")
class Customer {
  @PrimaryGeneratedColumn("uuid") id!: string;
  @Column(() => Address, { prefix: "home" }) home!: Address;
  @Column(() => Address, { prefix: false }) billing!: Address;
  @CreateDateColumn({ type: "timestamptz" }) createdAt!: Date;
  @UpdateDateColumn() updatedAt!: Date;
  @DeleteDateColumn() deletedAt!: Date;
  @VersionColumn() version!: number;
}

@Entity("tags")
class Tag {
  @PrimaryGeneratedColumn() id!: number;
}

@Entity("books")
class Book {
  @PrimaryGeneratedColumn() id!: number;
  @ManyToMany(() => Tag)
  @JoinTable({
    name: "book_tag_links",
    joinColumn: { name: "book", referencedColumnName: "id" },
    inverseJoinColumn: { name: "tag", referencedColumnName: "id" },
  })
  tags!: Tag[];
  @ManyToMany(() => Tag) @JoinTable() genres!: Tag[];
}

@Entity({ name: "events", schema: "sales" })
class SalesEvent {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: "enum", enum: ["open", "closed"], default: "open" }) state!: string;
}

@Entity({ name: "events", schema: "public" })
class PublicEvent {
  @PrimaryGeneratedColumn() id!: number;
  @Column() name!: string;
}

enum Level {
  Low = 1,
  High = 10,
}

enum Colour {
  Red = "red",
  Green = "green",
}

@Entity("shirts")
class Shirt {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: "enum", enum: Level, default: Level.Low }) level!: Level;
  @Column({ type: "enum", enum: Colour, array: true, default: [Colour.Red] }) colours!: Colour[];
  @Column({ type: "enum", enum: Colour, enumName: "colour", nullable: true }) main!: Colour;
}

@Entity("hats")
class Hat {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: "enum", enum: Colour, enumName: "colour", default: Colour.Green })
  colour!: Colour;
}

const kinds = (list: readonly { kind: string }[]) => list.map((op) => op.kind);

describe("TypeORM's relation shapes round-trip", () => {
  it("closure-table trees, with their closure junction table", async () => {
    const run = await roundTrip({ after: [ClosureCategory] });
    expect(kinds(run.upgrade).filter((k) => k === "createTable")).toHaveLength(2);
  });

  it("materialized-path and nested-set trees", async () => {
    await roundTrip({ after: [PathCategory, SetCategory] });
  });

  it("single-table inheritance: one table with every child's columns", async () => {
    const run = await roundTrip({ after: [Content, Photo, Article] });
    // TypeORM indexes the discriminator column.
    expect(kinds(run.upgrade)).toEqual(["createTable", "createIndex"]);
    // TypeORM finds every child of a parent class, listed or not: the earlier set has its own.
    const added = await roundTrip({
      before: [EarlierContent, EarlierPhoto],
      after: [Content, Photo, Article],
      seed: `INSERT INTO contents (title, kind, width) VALUES ('sunset', 'photo', 640)`,
      rows: `SELECT id, title, kind, width FROM contents`,
    });
    expect(kinds(added.upgrade)).toEqual(["addColumn"]);
  });

  it("embedded columns with and without a prefix, date and version columns", async () => {
    const run = await roundTrip({ after: [Customer] });
    expect(run.file).toContain('op.column("homeStreet", "character varying(80)")');
    expect(run.file).toContain('op.column("street", "character varying(80)")');
  });

  it("many-to-many junction tables, with a custom name and columns and the default ones", async () => {
    const run = await roundTrip({ after: [Tag, Book] });
    expect(run.file).toContain('op.createTable("book_tag_links"');
    expect(run.file).toContain('op.createTable("books_genres_tags"');
  });

  it("the same table name in two schemas, with an enum in the non-public one", async () => {
    const run = await roundTrip({ after: [SalesEvent, PublicEvent] });
    expect(run.upgrade).toContainEqual(
      expect.objectContaining({
        kind: "createEnum",
        enum: { schema: "sales", name: "events_state_enum", values: ["open", "closed"] },
      }),
    );
  });

  it("numeric enums, enum arrays and one enumName shared by two tables, created once", async () => {
    const run = await roundTrip({ after: [Shirt, Hat] });
    const enums = run.upgrade.filter((op) => op.kind === "createEnum");
    expect(enums).toEqual([
      expect.objectContaining({ enum: expect.objectContaining({ name: "colour" }) }),
      expect.objectContaining({ enum: expect.objectContaining({ name: "shirts_colours_enum" }) }),
      expect.objectContaining({
        enum: { schema: "public", name: "shirts_level_enum", values: ["1", "10"] },
      }),
    ]);
  });
});
