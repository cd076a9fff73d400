import {
  Check,
  Column,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from "typeorm";
import type { JoinTableOptions } from "typeorm/decorator/options/JoinTableOptions";
import { entity, type ClassDecorator, type EntityClass, type Members } from "./support/entity";
import { describeCases } from "./support/run-case";

/**
 * Real applications often declare a many-to-many's junction table twice: as an entity class of
 * its own (to query it, or to give it more columns) and as the `@JoinTable` that names it.
 * TypeORM's `synchronize` then makes one table of both declarations.
 */

/**
 * `posts` and `tags` joined through `post_tags` by a `@JoinTable` on `Post.tags`, and the
 * `PostTag` entity class of the same table, with `members` besides its two key columns.
 */
function postTagsDeclaredTwice(
  members: Members = {},
  ...decorators: ClassDecorator[]
): EntityClass[] {
  return declaredTwice({}, members, decorators);
}

/** `postTagsDeclaredTwice` with more options on the `@JoinTable`. */
function declaredTwice(
  joinTable: Partial<JoinTableOptions>,
  members: Members = {},
  decorators: readonly ClassDecorator[] = [],
): EntityClass[] {
  const tag = entity("tags", { id: PrimaryGeneratedColumn(), name: Column({ type: "text" }) });
  const post = entity("posts", {
    id: PrimaryGeneratedColumn(),
    tags: [
      ManyToMany(() => tag),
      JoinTable({
        name: "post_tags",
        joinColumn: { name: "postId", referencedColumnName: "id" },
        inverseJoinColumn: { name: "tagId", referencedColumnName: "id" },
        ...joinTable,
      }),
    ],
  });
  const postTag = entity(
    { name: "post_tags", className: "PostTag", decorators },
    {
      postId: PrimaryColumn({ type: "int" }),
      tagId: PrimaryColumn({ type: "int" }),
      addedAt: Column({ type: "timestamptz", default: () => "now()" }),
      post: [ManyToOne(() => post), JoinColumn({ name: "postId" })],
      ...members,
    },
  );
  return [tag, post, postTag];
}

/** `posts` and `tags` whose many-to-many has a `@JoinTable` named `post_tags` on both sides. */
function joinTableOnBothSides(): EntityClass[] {
  const refs: { post?: EntityClass } = {};
  const tag = entity("tags", {
    id: PrimaryGeneratedColumn(),
    posts: [ManyToMany(() => refs.post!, "tags"), JoinTable({ name: "post_tags" })],
  });
  refs.post = entity("posts", {
    id: PrimaryGeneratedColumn(),
    tags: [ManyToMany(() => tag, "posts"), JoinTable({ name: "post_tags" })],
  });
  return [tag, refs.post];
}

describeCases("one table declared twice", [
  {
    name: "an entity class and a @JoinTable of the same table make one table with the columns, keys, indexes and foreign keys of both",
    before: [],
    after: postTagsDeclaredTwice(),
    expect: [
      [
        "createTable",
        {
          table: {
            name: "post_tags",
            columns: [{ name: "postId" }, { name: "tagId" }, { name: "addedAt" }],
            primaryKey: { columns: ["postId", "tagId"] },
          },
        },
      ],
      ["createIndex", { table: "post_tags", index: { columns: ["postId"] } }],
      ["createIndex", { table: "post_tags", index: { columns: ["tagId"] } }],
      ["createTable", { table: { name: "posts" } }],
      ["createTable", { table: { name: "tags" } }],
      // One name, two definitions: synchronize creates the entity class's (declared first).
      ["addForeignKey", { foreignKey: { columns: ["postId"], onDelete: "NO ACTION" } }],
      ["addForeignKey", { foreignKey: { columns: ["tagId"], onDelete: "CASCADE" } }],
    ],
  },
  {
    name: "a database synchronize built from an entity class and a @JoinTable of one table compares clean, and a column added to the class is added",
    before: postTagsDeclaredTwice(),
    after: postTagsDeclaredTwice({ note: Column({ type: "text", nullable: true }) }),
    expect: [["addColumn", { table: "post_tags", column: { name: "note" } }]],
  },
  {
    name: "the entity class's own indexes, checks and uniques over the shared columns join the @JoinTable's",
    before: postTagsDeclaredTwice(),
    after: postTagsDeclaredTwice(
      {},
      Index("IDX_post_tags_pair", ["tagId", "postId"]),
      Unique("UQ_post_tags_pair", ["tagId", "postId"]),
      Check("CHK_post_tags_post", `"postId" > 0`),
    ),
    expect: [
      ["addUnique", { unique: { name: "UQ_post_tags_pair" } }],
      ["addCheck", { check: { name: "CHK_post_tags_post" } }],
      ["createIndex", { index: { name: "IDX_post_tags_pair" } }],
    ],
  },
  {
    name: "a @JoinTable with synchronize: false leaves its table to the entity class that declares it too",
    before: [],
    after: declaredTwice({ synchronize: false }),
    expect: [
      [
        "createTable",
        {
          table: {
            name: "post_tags",
            columns: [{ name: "postId" }, { name: "tagId" }, { name: "addedAt" }],
          },
        },
      ],
      ["createTable", { table: { name: "posts" } }],
      ["createTable", { table: { name: "tags" } }],
      ["addForeignKey", { foreignKey: { columns: ["postId"] } }],
    ],
  },
  {
    name: "a @JoinTable of the same name on both sides of a many-to-many makes one junction table",
    before: [],
    after: joinTableOnBothSides(),
    expect: [
      [
        "createTable",
        { table: { name: "post_tags", primaryKey: { columns: ["tagsId", "postsId"] } } },
      ],
      ["createIndex"],
      ["createIndex"],
      ["createTable", { table: { name: "posts" } }],
      ["createTable", { table: { name: "tags" } }],
      ["addForeignKey"],
      ["addForeignKey"],
    ],
  },
  {
    name: "a database synchronize built from a @JoinTable on both sides of a many-to-many compares clean",
    before: joinTableOnBothSides(),
    after: joinTableOnBothSides(),
    expect: [],
  },
]);
