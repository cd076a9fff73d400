import {
  Column,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from "typeorm";
import type { RelationOptions } from "typeorm";
import { entity, type EntityClass, type MemberDecorator } from "./support/entity";
import { describeCases } from "./support/run-case";

const authors = () =>
  entity("authors", {
    id: PrimaryGeneratedColumn(),
    email: Column({ type: "varchar", length: 120, unique: true }),
  });

/** `books` with the given members, beside a fresh `authors`; the relation target is resolved lazily. */
function library(
  members: (target: () => EntityClass) => Record<string, MemberDecorator | MemberDecorator[]>,
) {
  const author = authors();
  const book = entity("books", {
    id: PrimaryGeneratedColumn(),
    title: Column({ type: "text" }),
    ...members(() => author),
  });
  return [author, book];
}
const writtenBy =
  (options: RelationOptions = {}) =>
  (target: () => EntityClass) => ({
    author: ManyToOne(target, { nullable: true, ...options }),
  });

describeCases("foreign keys", [
  {
    name: "a new many-to-one adds the column, then its foreign key",
    dialects: ["postgres", "sqlite"],
    before: library(() => ({})),
    after: library(writtenBy()),
    expect: [
      ["addColumn", { column: { name: "authorId", type: "integer", nullable: true } }],
      [
        "addForeignKey",
        {
          foreignKey: {
            columns: ["authorId"],
            referencedTable: "authors",
            referencedColumns: ["id"],
            onDelete: "NO ACTION",
          },
        },
      ],
    ],
  },
  {
    name: "a removed relation drops the foreign key, then the column",
    dialects: ["postgres", "sqlite"],
    before: library(writtenBy()),
    after: library(() => ({})),
    expect: [
      ["dropForeignKey", { previous: { columns: ["authorId"] } }],
      ["dropColumn", { name: "authorId" }],
    ],
  },
  {
    name: "a changed ON DELETE is a foreign key dropped and added",
    dialects: ["postgres", "sqlite"],
    before: library(writtenBy()),
    after: library(writtenBy({ onDelete: "CASCADE" })),
    expect: [
      ["dropForeignKey", { previous: { onDelete: "NO ACTION" } }],
      ["addForeignKey", { foreignKey: { onDelete: "CASCADE", onUpdate: "NO ACTION" } }],
    ],
  },
  {
    name: "ON DELETE SET NULL and ON UPDATE CASCADE are written as declared",
    dialects: ["postgres", "sqlite"],
    before: library(() => ({})),
    after: library(writtenBy({ onDelete: "SET NULL", onUpdate: "CASCADE" })),
    expect: [
      ["addColumn"],
      ["addForeignKey", { foreignKey: { onDelete: "SET NULL", onUpdate: "CASCADE" } }],
    ],
  },
  {
    name: "a foreign key to a unique column other than the primary key",
    dialects: ["postgres", "sqlite"],
    before: library(() => ({})),
    after: library((target) => ({
      author: [
        ManyToOne(target, { nullable: true }),
        JoinColumn({ name: "author_email", referencedColumnName: "email" }),
      ],
    })),
    expect: [
      ["addColumn", { column: { name: "author_email", type: "character varying(120)" } }],
      [
        "addForeignKey",
        { foreignKey: { columns: ["author_email"], referencedColumns: ["email"] } },
      ],
    ],
  },
  {
    name: "a composite foreign key references a composite primary key",
    dialects: ["postgres", "sqlite"],
    before: [
      entity("editions", {
        isbn: PrimaryColumn({ type: "varchar", length: 13 }),
        year: PrimaryColumn({ type: "int" }),
      }),
    ],
    after: (() => {
      const edition = entity("editions", {
        isbn: PrimaryColumn({ type: "varchar", length: 13 }),
        year: PrimaryColumn({ type: "int" }),
      });
      const copy = entity("copies", {
        id: PrimaryGeneratedColumn(),
        edition: ManyToOne(() => edition, { onDelete: "CASCADE" }),
      });
      return [edition, copy];
    })(),
    expect: [
      ["createTable", { table: { name: "copies" } }],
      [
        "addForeignKey",
        {
          table: "copies",
          foreignKey: {
            columns: ["editionIsbn", "editionYear"],
            referencedColumns: ["isbn", "year"],
            onDelete: "CASCADE",
          },
        },
      ],
    ],
  },
  {
    name: "a self-referencing relation adds a foreign key to its own table",
    dialects: ["postgres", "sqlite"],
    before: [
      entity("categories", { id: PrimaryGeneratedColumn(), name: Column({ type: "text" }) }),
    ],
    after: (() => {
      const holder: { category?: EntityClass } = {};
      holder.category = entity("categories", {
        id: PrimaryGeneratedColumn(),
        name: Column({ type: "text" }),
        parent: ManyToOne(() => holder.category!, { nullable: true, onDelete: "CASCADE" }),
      });
      return [holder.category];
    })(),
    expect: [
      ["addColumn", { column: { name: "parentId" } }],
      ["addForeignKey", { foreignKey: { referencedTable: "categories" } }],
    ],
  },
  {
    name: "a foreign key across schemas names the referenced schema",
    dialects: ["postgres", "sqlite"],
    before: [entity({ name: "accounts", schema: "billing" }, { id: PrimaryGeneratedColumn() })],
    after: (() => {
      const account = entity(
        { name: "accounts", schema: "billing" },
        { id: PrimaryGeneratedColumn() },
      );
      const order = entity("orders", {
        id: PrimaryGeneratedColumn(),
        account: ManyToOne(() => account),
      });
      return [account, order];
    })(),
    expect: [
      ["createTable", { table: { schema: "public", name: "orders" } }],
      [
        "addForeignKey",
        {
          schema: "public",
          table: "orders",
          foreignKey: { referencedSchema: "billing", referencedTable: "accounts" },
        },
      ],
    ],
  },
  {
    name: "two new tables that reference each other are created first, their keys after",
    dialects: ["postgres", "sqlite"],
    before: [],
    after: (() => {
      const refs: { team?: EntityClass; person?: EntityClass } = {};
      refs.team = entity("teams", {
        id: PrimaryGeneratedColumn(),
        captain: ManyToOne(() => refs.person!, { nullable: true }),
      });
      refs.person = entity("people", {
        id: PrimaryGeneratedColumn(),
        team: ManyToOne(() => refs.team!, { nullable: true }),
      });
      return [refs.team, refs.person];
    })(),
    expect: [["createTable"], ["createTable"], ["addForeignKey"], ["addForeignKey"]],
  },
  {
    name: "a one-to-one adds the column, its unique constraint and its foreign key",
    dialects: ["postgres", "sqlite"],
    before: library(() => ({})),
    after: library((target) => ({ author: [OneToOne(target, { nullable: true }), JoinColumn()] })),
    expect: [
      ["addColumn", { column: { name: "authorId" } }],
      ["addUnique", { unique: { columns: ["authorId"] } }],
      ["addForeignKey", { foreignKey: { columns: ["authorId"] } }],
    ],
  },
  {
    name: "a one-to-one whose join column is also unique: true creates the one unique constraint PostgreSQL keeps",
    dialects: ["postgres", "sqlite"],
    before: [],
    after: library((target) => ({
      author: [OneToOne(target, { nullable: true }), JoinColumn({ name: "authorId" })],
      authorId: Column({ type: "int", nullable: true, unique: true }),
    })),
    expect: [
      ["createTable", { table: { name: "authors" } }],
      [
        "createTable",
        { table: { name: "books", uniques: [{ name: "UQ_54f49efe2dd4d2850e736e9ab86" }] } },
      ],
      ["addForeignKey", { foreignKey: { columns: ["authorId"] } }],
    ],
  },
  {
    name: "a database synchronize built with a one-to-one over a unique: true column compares clean",
    dialects: ["postgres", "sqlite"],
    before: library((target) => ({
      author: [OneToOne(target, { nullable: true }), JoinColumn({ name: "authorId" })],
      authorId: Column({ type: "int", nullable: true, unique: true }),
    })),
    after: library((target) => ({
      author: [OneToOne(target, { nullable: true }), JoinColumn({ name: "authorId" })],
      authorId: Column({ type: "int", nullable: true, unique: true }),
    })),
    expect: [],
  },
  {
    name: "a one-to-one made over a unique: true column of a table with rows adds one unique constraint",
    dialects: ["postgres", "sqlite"],
    before: library(() => ({ authorId: Column({ type: "int", nullable: true }) })),
    after: library((target) => ({
      author: [OneToOne(target, { nullable: true }), JoinColumn({ name: "authorId" })],
      authorId: Column({ type: "int", nullable: true, unique: true }),
    })),
    expect: [
      ["addUnique", { unique: { name: "UQ_54f49efe2dd4d2850e736e9ab86", columns: ["authorId"] } }],
      ["addForeignKey", { foreignKey: { columns: ["authorId"] } }],
    ],
  },
  {
    name: "a one-to-one under an @Unique of the same column keeps the @Unique, under its name",
    dialects: ["postgres", "sqlite"],
    before: library(() => ({})),
    after: (() => {
      const author = authors();
      const book = entity(
        { name: "books", decorators: [Unique("UQ_books_author", ["author"])] },
        {
          id: PrimaryGeneratedColumn(),
          title: Column({ type: "text" }),
          author: [OneToOne(() => author, { nullable: true }), JoinColumn()],
        },
      );
      return [author, book];
    })(),
    expect: [
      ["addColumn", { column: { name: "authorId" } }],
      ["addUnique", { unique: { name: "UQ_books_author", columns: ["authorId"] } }],
      ["addForeignKey", { foreignKey: { columns: ["authorId"] } }],
    ],
  },
  {
    name: "a one-to-one over the primary key adds no unique constraint: the primary key is one already",
    dialects: ["postgres", "sqlite"],
    before: [],
    after: (() => {
      const author = authors();
      const profile = entity("profiles", {
        authorId: PrimaryColumn({ type: "int" }),
        author: [OneToOne(() => author), JoinColumn({ name: "authorId" })],
        bio: Column({ type: "text" }),
      });
      return [author, profile];
    })(),
    expect: [
      ["createTable", { table: { name: "authors" } }],
      ["createTable", { table: { name: "profiles", uniques: [] } }],
      ["addForeignKey", { foreignKey: { columns: ["authorId"] } }],
    ],
  },
  {
    name: "an @Unique over the primary key's columns is no constraint of its own: PostgreSQL folds it into the key",
    dialects: ["postgres", "sqlite"],
    before: [],
    after: [
      entity(
        { name: "codes", decorators: [Unique("UQ_codes_code", ["code"])] },
        { code: PrimaryColumn({ type: "varchar", length: 8 }) },
      ),
    ],
    expect: [["createTable", { table: { name: "codes", uniques: [] } }]],
  },
  {
    name: "a dropped table's foreign keys go first, and come back last on downgrade",
    dialects: ["postgres", "sqlite"],
    before: library(writtenBy({ onDelete: "CASCADE" })),
    after: [authors()],
    expect: [["dropForeignKey"], ["dropTable", { name: "books" }]],
  },
]);
