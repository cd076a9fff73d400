import type { ForeignKey, TableShape } from "../../../src/schema/model";
import { column } from "../../support/model-builders";

/** A `createTable` payload; every field not given takes the common value. */
export function tableShape(name: string, extra: Partial<TableShape> = {}): TableShape {
  return {
    schema: "public",
    name,
    columns: [],
    primaryKey: null,
    uniques: [],
    checks: [],
    comment: null,
    ...extra,
  };
}

/** `users (id serial, email varchar(255), age integer NULL)` with its primary key. */
export const users: TableShape = tableShape("users", {
  columns: [
    column("id", "integer", { serial: true, default: "nextval('users_id_seq'::regclass)" }),
    column("email", "character varying(255)"),
    column("age", "integer", { nullable: true }),
  ],
  primaryKey: { name: "PK_users", columns: ["id"] },
});

/** `posts (id integer, author_id integer NULL, tags text[] NULL)`, no keys. */
export const posts: TableShape = tableShape("posts", {
  columns: [
    column("id", "integer"),
    column("author_id", "integer", { nullable: true }),
    column("tags", "text", { isArray: true, nullable: true }),
  ],
});

export function foreignKey(extra: Partial<ForeignKey> = {}): ForeignKey {
  return {
    name: "FK_posts_author",
    columns: ["author_id"],
    referencedSchema: "public",
    referencedTable: "users",
    referencedColumns: ["id"],
    onDelete: "NO ACTION",
    onUpdate: "NO ACTION",
    ...extra,
  };
}
