import {
  Column,
  CreateDateColumn,
  DeleteDateColumn,
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
import type { JoinTableOptions } from "typeorm/decorator/options/JoinTableOptions";
import { childEntity, embeddable, entity, type EntityClass } from "./support/entity";
import { describeCases } from "./support/run-case";

const posts = () =>
  entity("posts", { id: PrimaryGeneratedColumn(), title: Column({ type: "text" }) });

/** `posts` and `tags` joined many-to-many, with the given @JoinTable options. */
function tagged(joinTable: JoinTableOptions = {}): EntityClass[] {
  const refs: { tag?: EntityClass } = {};
  const post = entity("posts", {
    id: PrimaryGeneratedColumn(),
    title: Column({ type: "text" }),
    tags: [ManyToMany(() => refs.tag!), JoinTable(joinTable)],
  });
  refs.tag = entity("tags", {
    id: PrimaryGeneratedColumn(),
    name: Column({ type: "varchar", length: 30 }),
  });
  return [post, refs.tag];
}

/** A self-referencing tree of `categories` with the given strategy. */
function tree(strategy: "closure-table" | "materialized-path" | "nested-set"): EntityClass {
  return entity(
    { name: "categories", decorators: [Tree(strategy)] },
    {
      id: PrimaryGeneratedColumn(),
      name: Column({ type: "text" }),
      children: TreeChildren(),
      parent: TreeParent({ onDelete: "CASCADE" }),
    },
  );
}

describeCases("TypeORM relation shapes", [
  {
    name: "a many-to-many creates its junction table with TypeORM's default names",
    before: [posts()],
    after: tagged(),
    expect: [
      [
        "createTable",
        { table: { name: "posts_tags_tags", primaryKey: { columns: ["postsId", "tagsId"] } } },
      ],
      ["createIndex"],
      ["createIndex"],
      ["createTable", { table: { name: "tags" } }],
      [
        "addForeignKey",
        { table: "posts_tags_tags", foreignKey: { onDelete: "CASCADE", onUpdate: "CASCADE" } },
      ],
      [
        "addForeignKey",
        { table: "posts_tags_tags", foreignKey: { onDelete: "CASCADE", onUpdate: "CASCADE" } },
      ],
    ],
  },
  {
    name: "a many-to-many with a custom junction table and column names uses them",
    before: [posts()],
    after: tagged({
      name: "post_tags",
      joinColumn: { name: "post_id", referencedColumnName: "id" },
      inverseJoinColumn: { name: "tag_id", referencedColumnName: "id" },
    }),
    expect: [
      [
        "createTable",
        { table: { name: "post_tags", primaryKey: { columns: ["post_id", "tag_id"] } } },
      ],
      ["createIndex"],
      ["createIndex"],
      ["createTable", { table: { name: "tags" } }],
      ["addForeignKey"],
      ["addForeignKey"],
    ],
  },
  {
    name: "a closure-table tree creates the closure table beside its own",
    before: [],
    after: [tree("closure-table")],
    expect: [
      ["createTable", { table: { name: "categories" } }],
      ["createTable", { table: { name: "categories_closure" } }],
      ["createIndex"],
      ["createIndex"],
      ["addForeignKey"],
      ["addForeignKey"],
      ["addForeignKey"],
    ],
  },
  {
    name: "a materialized-path tree adds its mpath column",
    before: [
      entity("categories", { id: PrimaryGeneratedColumn(), name: Column({ type: "text" }) }),
    ],
    after: [tree("materialized-path")],
    expect: [
      [
        "addColumn",
        { column: { name: "mpath", nullable: true, default: "''::character varying" } },
      ],
      ["addColumn", { column: { name: "parentId" } }],
      ["addForeignKey"],
    ],
  },
  {
    name: "a nested-set tree adds its left and right columns",
    before: [
      entity("categories", { id: PrimaryGeneratedColumn(), name: Column({ type: "text" }) }),
    ],
    after: [tree("nested-set")],
    expect: [
      ["addColumn", { column: { name: "nsleft", default: "1" } }],
      ["addColumn", { column: { name: "nsright", default: "2" } }],
      ["addColumn", { column: { name: "parentId" } }],
      ["addForeignKey"],
    ],
  },
  {
    name: "single-table inheritance puts the children's columns, nullable, and the discriminator in one table",
    before: [],
    after: (() => {
      const content = entity(
        {
          name: "content",
          decorators: [TableInheritance({ column: { type: "varchar", name: "kind" } })],
        },
        { id: PrimaryGeneratedColumn(), title: Column({ type: "text" }) },
      );
      const photo = childEntity(content, "Photo", { width: Column({ type: "int" }) });
      const note = childEntity(content, "Note", { body: Column({ type: "text" }) }, "note");
      return [content, photo, note];
    })(),
    expect: [
      [
        "createTable",
        {
          table: {
            name: "content",
            columns: [
              { name: "id" },
              { name: "title" },
              { name: "width", nullable: true },
              { name: "body", nullable: true },
              { name: "kind", nullable: false },
            ],
          },
        },
      ],
      ["createIndex", { index: { columns: ["kind"] } }],
    ],
  },
  {
    name: "embedded columns are added with their prefix",
    before: [entity("customers", { id: PrimaryGeneratedColumn() })],
    after: (() => {
      const address = embeddable("Address", {
        street: Column({ type: "text", nullable: true }),
        city: Column({ type: "varchar", length: 40, nullable: true }),
      });
      return [
        entity("customers", {
          id: PrimaryGeneratedColumn(),
          home: Column(() => address, { prefix: "home" }),
          work: Column(() => address, { prefix: false }),
        }),
      ];
    })(),
    expect: [
      ["addColumn", { column: { name: "homeStreet" } }],
      ["addColumn", { column: { name: "homeCity" } }],
      ["addColumn", { column: { name: "street" } }],
      ["addColumn", { column: { name: "city" } }],
    ],
  },
  {
    name: "create, update and delete date columns and a version column are added with their defaults",
    before: [posts()],
    after: [
      entity("posts", {
        id: PrimaryGeneratedColumn(),
        title: Column({ type: "text" }),
        createdAt: CreateDateColumn({ type: "timestamptz" }),
        updatedAt: UpdateDateColumn({ precision: 3 }),
        deletedAt: DeleteDateColumn(),
        version: VersionColumn(),
      }),
    ],
    expect: [
      [
        "addColumn",
        { column: { name: "createdAt", type: "timestamp with time zone", default: "now()" } },
      ],
      [
        "addColumn",
        { column: { name: "updatedAt", type: "timestamp(3) without time zone", default: "now()" } },
      ],
      ["addColumn", { column: { name: "deletedAt", nullable: true, default: null } }],
      ["addColumn", { column: { name: "version", type: "integer", default: null } }],
    ],
    seed: false,
  },
]);
