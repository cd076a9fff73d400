/**
 * create blog
 *
 * Revision ID: 9213a9e60b2e
 * Revises: (none)
 * Created: 2026-11-22 01:49:24 UTC
 *
 * Review:
 * - creates extension "pgcrypto" if it is not installed
 * - creates enum "posts_status_enum" (draft, published)
 * - creates enum "users_role_enum" (admin, author, reader)
 * - creates table "post_tags"
 * - creates index "IDX_03dde65485412da025858f0305" on "post_tags"
 * - creates index "IDX_e989388f06246063f9af179809" on "post_tags"
 * - creates table "posts"
 * - creates index "IDX_posts_published" on "posts"
 * - creates table "tags"
 * - creates table "users"
 * - adds foreign key "FK_03dde65485412da025858f03051" on "post_tags"
 * - adds foreign key "FK_e989388f06246063f9af1798098" on "post_tags"
 * - adds foreign key "FK_c5a322ad12a7bf95460c958e80e" on "posts"
 */
import type { MigrationContext } from "typeorm-autogen";

export const revision = "9213a9e60b2e";
export const downRevision: string | null = null;

export async function upgrade({ op }: MigrationContext): Promise<void> {
  await op.createExtension("pgcrypto");
  await op.createEnum("posts_status_enum", ["draft", "published"]);
  await op.createEnum("users_role_enum", ["admin", "author", "reader"]);
  await op.createTable("post_tags", {
    columns: [op.column("postsId", "integer"), op.column("tagsId", "integer")],
    primaryKey: { name: "PK_7950c0d5bda0b4da000bcc492fc", columns: ["postsId", "tagsId"] },
  });
  await op.createIndex("post_tags", {
    name: "IDX_03dde65485412da025858f0305",
    columns: ["tagsId"],
  });
  await op.createIndex("post_tags", {
    name: "IDX_e989388f06246063f9af179809",
    columns: ["postsId"],
  });
  await op.createTable("posts", {
    columns: [
      op.column("id", "integer", { serial: true }),
      op.column("title", "character varying(200)"),
      op.column("body", "text", { default: "''::text" }),
      op.column("status", "posts_status_enum", { typeSchema: "public", default: "'draft'" }),
      op.column("wordCount", "integer", { default: "0" }),
      op.column("publishedAt", "timestamp with time zone", { nullable: true }),
      op.column("createdAt", "timestamp with time zone", { default: "now()" }),
      op.column("updatedAt", "timestamp with time zone", { default: "now()" }),
      op.column("authorId", "uuid"),
    ],
    primaryKey: { name: "PK_2829ac61eff60fcec60d7274b9e", columns: ["id"] },
    checks: [{ name: "CHK_posts_word_count", expression: '("wordCount" >= 0)' }],
    comment: "Articles written by users",
  });
  await op.createIndex("posts", {
    name: "IDX_posts_published",
    columns: ["publishedAt"],
    where: "(status = 'published'::posts_status_enum)",
  });
  await op.createTable("tags", {
    columns: [
      op.column("id", "integer", { serial: true }),
      op.column("name", "character varying(50)"),
    ],
    primaryKey: { name: "PK_e7dc17249a1148a1970748eda99", columns: ["id"] },
    uniques: [{ name: "UQ_d90243459a697eadb8ad56e9092", columns: ["name"] }],
  });
  await op.createTable("users", {
    columns: [
      op.column("id", "uuid", { default: "gen_random_uuid()" }),
      op.column("email", "character varying(255)"),
      op.column("displayName", "character varying"),
      op.column("role", "users_role_enum", { typeSchema: "public", default: "'reader'" }),
      op.column("createdAt", "timestamp with time zone", { default: "now()" }),
    ],
    primaryKey: { name: "PK_a3ffb1c0c8416b9fc6f907b7433", columns: ["id"] },
    uniques: [{ name: "UQ_97672ac88f789774dd47f7c8be3", columns: ["email"] }],
  });
  await op.addForeignKey("post_tags", {
    name: "FK_03dde65485412da025858f03051",
    columns: ["tagsId"],
    references: { table: "tags", columns: ["id"] },
    onDelete: "CASCADE",
    onUpdate: "CASCADE",
  });
  await op.addForeignKey("post_tags", {
    name: "FK_e989388f06246063f9af1798098",
    columns: ["postsId"],
    references: { table: "posts", columns: ["id"] },
    onDelete: "CASCADE",
    onUpdate: "CASCADE",
  });
  await op.addForeignKey("posts", {
    name: "FK_c5a322ad12a7bf95460c958e80e",
    columns: ["authorId"],
    references: { table: "users", columns: ["id"] },
    onDelete: "CASCADE",
  });
}

export async function downgrade({ op }: MigrationContext): Promise<void> {
  await op.dropForeignKey("posts", "FK_c5a322ad12a7bf95460c958e80e");
  await op.dropForeignKey("post_tags", "FK_e989388f06246063f9af1798098");
  await op.dropForeignKey("post_tags", "FK_03dde65485412da025858f03051");
  await op.dropTable("users");
  await op.dropTable("tags");
  await op.dropIndex("posts", "IDX_posts_published");
  await op.dropTable("posts");
  await op.dropIndex("post_tags", "IDX_e989388f06246063f9af179809");
  await op.dropIndex("post_tags", "IDX_03dde65485412da025858f0305");
  await op.dropTable("post_tags");
  await op.dropEnum("users_role_enum");
  await op.dropEnum("posts_status_enum");
  await op.dropExtension("pgcrypto");
}
