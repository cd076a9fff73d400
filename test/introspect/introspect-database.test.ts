import { introspectDatabase } from "../../src/introspect";
import type { DatabaseSchema } from "../../src/schema/model";
import { withFreshDatabase } from "./fresh-database";

/** Every field of the model, across three schemas (one needing quotes). */
const SETUP = `
CREATE SCHEMA blog;
CREATE SCHEMA "Shop";
CREATE SCHEMA ext;
CREATE SCHEMA unread;
CREATE EXTENSION citext SCHEMA ext;
CREATE TYPE public.post_status AS ENUM ('draft', 'published', 'archived');
CREATE TYPE blog.tag_kind AS ENUM ('topic', 'series');
CREATE TYPE "Shop"."Size" AS ENUM ('S', 'M', 'L');
CREATE TYPE unread.hidden AS ENUM ('x');
CREATE DOMAIN blog.positive_int AS integer CHECK (VALUE > 0);

CREATE TABLE public.users (
  id serial PRIMARY KEY,
  email character varying(255) NOT NULL,
  nickname varchar,
  handle ext.citext,
  balance numeric(10,2) NOT NULL DEFAULT 0,
  ratio numeric,
  created_at timestamp(3) with time zone NOT NULL DEFAULT now(),
  updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP,
  tags text[] DEFAULT '{}',
  scores integer[],
  codes character varying(8)[],
  dropped_later integer,
  initial "char",
  CONSTRAINT "UQ_users_email" UNIQUE (email)
);
ALTER TABLE public.users DROP COLUMN dropped_later;
COMMENT ON TABLE public.users IS 'People who write';
COMMENT ON COLUMN public.users.email IS 'login, it''s unique';

CREATE TABLE blog.posts (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  author_id integer NOT NULL,
  status post_status NOT NULL DEFAULT 'draft',
  history post_status[] DEFAULT '{draft,published}',
  kind blog.tag_kind DEFAULT 'topic',
  price numeric(10,2),
  rank blog.positive_int,
  "deletedAt" timestamp with time zone,
  body jsonb DEFAULT '{"a":1}',
  price_with_tax numeric GENERATED ALWAYS AS (price * 1.2) STORED,
  CONSTRAINT "PK_posts" PRIMARY KEY (id),
  CONSTRAINT "FK_posts_author" FOREIGN KEY (author_id) REFERENCES public.users (id)
    ON DELETE CASCADE ON UPDATE SET NULL,
  CONSTRAINT "CHK_price" CHECK (price > 0),
  CONSTRAINT "CHK_status" CHECK (status <> 'archived')
);
ALTER TABLE blog.posts ADD CONSTRAINT "CHK_unvalidated" CHECK (author_id > 0) NOT VALID;
ALTER TABLE blog.posts ADD CONSTRAINT "CHK_local" CHECK (price < 1000000) NO INHERIT;
CREATE INDEX "IDX_posts_live" ON blog.posts (author_id, status) WHERE "deletedAt" IS NULL;
CREATE UNIQUE INDEX "IDX_posts_price_author" ON blog.posts (price, author_id);
CREATE INDEX "IDX_posts_body" ON blog.posts USING gin (body);
CREATE INDEX "IDX_posts_expression" ON blog.posts (lower(body::text));
CREATE INDEX "IDX_posts_covering" ON blog.posts (author_id) INCLUDE (price);

CREATE TABLE "Shop"."Line Items" (
  "orderId" bigint NOT NULL,
  "lineNo" smallint NOT NULL,
  "postId" uuid,
  size "Shop"."Size"[] NOT NULL DEFAULT '{M}',
  "Size" "Shop"."Size" DEFAULT 'L',
  CONSTRAINT "PK_line" PRIMARY KEY ("lineNo", "orderId"),
  CONSTRAINT "UQ_line_post" UNIQUE ("postId", "lineNo"),
  CONSTRAINT "FK_line_post" FOREIGN KEY ("postId") REFERENCES blog.posts (id)
    ON DELETE SET DEFAULT ON UPDATE RESTRICT
);
COMMENT ON COLUMN "Shop"."Line Items"."Size" IS '';

CREATE TABLE public.events (
  id integer NOT NULL,
  at date NOT NULL,
  CONSTRAINT "PK_events" PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);
CREATE TABLE public.events_2024 PARTITION OF public.events
  FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE public.events_2025 PARTITION OF public.events
  FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE public.event_refs (
  event_id integer,
  event_at date,
  CONSTRAINT "FK_event" FOREIGN KEY (event_id, event_at) REFERENCES public.events (id, at)
    ON DELETE NO ACTION
);

CREATE VIEW blog.post_ids AS SELECT id FROM blog.posts;
CREATE MATERIALIZED VIEW blog.post_count AS SELECT count(*) AS n FROM blog.posts;
CREATE SEQUENCE blog.standalone_seq;
CREATE TABLE public.autogen_version (version_num text PRIMARY KEY);
CREATE TABLE unread.ignored (id integer);
`;

const column = (
  name: string,
  type: string,
  more: Partial<{
    typeSchema: string | null;
    isArray: boolean;
    nullable: boolean;
    default: string | null;
    serial: boolean;
    comment: string | null;
    generated: string;
  }> = {},
) => ({
  name,
  type,
  typeSchema: null,
  isArray: false,
  nullable: true,
  default: null,
  serial: false,
  comment: null,
  ...more,
});

const EXPECTED: DatabaseSchema = {
  schemas: ["Shop", "blog"],
  tables: [
    {
      schema: "Shop",
      name: "Line Items",
      columns: [
        column("orderId", "bigint", { nullable: false }),
        column("lineNo", "smallint", { nullable: false }),
        column("postId", "uuid"),
        column("size", "Size", {
          typeSchema: "Shop",
          isArray: true,
          nullable: false,
          default: "'{M}'",
        }),
        // COMMENT ... IS '' removes the comment: PostgreSQL has no empty comments.
        column("Size", "Size", { typeSchema: "Shop", default: "'L'", comment: null }),
      ],
      primaryKey: { name: "PK_line", columns: ["lineNo", "orderId"] },
      uniques: [{ name: "UQ_line_post", columns: ["postId", "lineNo"] }],
      indexes: [],
      foreignKeys: [
        {
          name: "FK_line_post",
          columns: ["postId"],
          referencedSchema: "blog",
          referencedTable: "posts",
          referencedColumns: ["id"],
          onDelete: "SET DEFAULT",
          onUpdate: "RESTRICT",
        },
      ],
      checks: [],
      comment: null,
    },
    {
      schema: "blog",
      name: "posts",
      columns: [
        column("id", "uuid", { nullable: false, default: "gen_random_uuid()" }),
        column("author_id", "integer", { nullable: false }),
        column("status", "post_status", {
          typeSchema: "public",
          nullable: false,
          default: "'draft'",
        }),
        column("history", "post_status", {
          typeSchema: "public",
          isArray: true,
          default: "'{draft,published}'",
        }),
        column("kind", "tag_kind", { typeSchema: "blog", default: "'topic'" }),
        column("price", "numeric(10,2)"),
        column("rank", "positive_int", { typeSchema: "blog" }),
        column("deletedAt", "timestamp with time zone"),
        column("body", "jsonb", { default: `'{"a": 1}'::jsonb` }),
        column("price_with_tax", "numeric", { generated: "(price * 1.2)" }),
      ],
      primaryKey: { name: "PK_posts", columns: ["id"] },
      uniques: [],
      indexes: [
        { name: "IDX_posts_body", columns: ["body"], unique: false, where: null, method: "gin" },
        {
          name: "IDX_posts_covering",
          columns: ["author_id"],
          unique: false,
          where: null,
          method: "btree",
        },
        {
          name: "IDX_posts_live",
          columns: ["author_id", "status"],
          unique: false,
          where: `("deletedAt" IS NULL)`,
          method: "btree",
        },
        {
          name: "IDX_posts_price_author",
          columns: ["price", "author_id"],
          unique: true,
          where: null,
          method: "btree",
        },
      ],
      foreignKeys: [
        {
          name: "FK_posts_author",
          columns: ["author_id"],
          referencedSchema: "public",
          referencedTable: "users",
          referencedColumns: ["id"],
          onDelete: "CASCADE",
          onUpdate: "SET NULL",
        },
      ],
      checks: [
        { name: "CHK_local", expression: "(price < (1000000)::numeric)" },
        { name: "CHK_price", expression: "(price > (0)::numeric)" },
        { name: "CHK_status", expression: "(status <> 'archived'::post_status)" },
        { name: "CHK_unvalidated", expression: "(author_id > 0)" },
      ],
      comment: null,
    },
    {
      schema: "public",
      name: "event_refs",
      columns: [column("event_id", "integer"), column("event_at", "date")],
      primaryKey: null,
      uniques: [],
      indexes: [],
      foreignKeys: [
        {
          name: "FK_event",
          columns: ["event_id", "event_at"],
          referencedSchema: "public",
          referencedTable: "events",
          referencedColumns: ["id", "at"],
          onDelete: "NO ACTION",
          onUpdate: "NO ACTION",
        },
      ],
      checks: [],
      comment: null,
    },
    {
      schema: "public",
      name: "events",
      columns: [
        column("id", "integer", { nullable: false }),
        column("at", "date", { nullable: false }),
      ],
      primaryKey: { name: "PK_events", columns: ["id", "at"] },
      uniques: [],
      indexes: [],
      foreignKeys: [],
      checks: [],
      comment: null,
    },
    {
      schema: "public",
      name: "users",
      columns: [
        column("id", "integer", { nullable: false, serial: true }),
        column("email", "character varying(255)", {
          nullable: false,
          comment: "login, it's unique",
        }),
        column("nickname", "character varying"),
        column("handle", "citext"),
        column("balance", "numeric(10,2)", { nullable: false, default: "0" }),
        column("ratio", "numeric"),
        column("created_at", "timestamp(3) with time zone", {
          nullable: false,
          default: "now()",
        }),
        column("updated_at", "timestamp without time zone", { default: "CURRENT_TIMESTAMP" }),
        column("tags", "text", { isArray: true, default: "'{}'::text[]" }),
        column("scores", "integer", { isArray: true }),
        column("codes", "character varying(8)", { isArray: true }),
        column("initial", `"char"`),
      ],
      primaryKey: { name: "users_pkey", columns: ["id"] },
      uniques: [{ name: "UQ_users_email", columns: ["email"] }],
      indexes: [],
      foreignKeys: [],
      checks: [],
      comment: "People who write",
    },
  ],
  enums: [
    { schema: "Shop", name: "Size", values: ["S", "M", "L"] },
    { schema: "blog", name: "tag_kind", values: ["topic", "series"] },
    { schema: "public", name: "post_status", values: ["draft", "published", "archived"] },
  ],
  extensions: ["citext"],
  views: [
    {
      schema: "blog",
      name: "post_count",
      definition: expect.stringMatching(/^SELECT count\(\*\) AS n\n\s+FROM blog\.posts$/),
      materialized: true,
      references: [{ schema: "blog", name: "posts" }],
    },
    {
      schema: "blog",
      name: "post_ids",
      // PostgreSQL 16 stopped qualifying the columns of a single-table query.
      definition: expect.stringMatching(/^SELECT (posts\.)?id\n\s+FROM blog\.posts$/),
      materialized: false,
      references: [{ schema: "blog", name: "posts" }],
    },
  ],
};

describe("introspectDatabase", () => {
  it("reads every table, column, key, index, check, comment and enum into the exact model", async () => {
    await withFreshDatabase(SETUP, async (client) => {
      const schema = await introspectDatabase(client, {
        schemas: ["public", "blog", "Shop", "missing"],
        excludeTables: [{ schema: "public", name: "autogen_version" }],
      });
      expect(schema).toEqual(EXPECTED);
    });
  });

  it("returns plain JSON data that survives a round trip through JSON.stringify", async () => {
    await withFreshDatabase(SETUP, async (client) => {
      const schema = await introspectDatabase(client, { schemas: ["public", "blog", "Shop"] });
      expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
      expect(schema.tables.map((t) => `${t.schema}.${t.name}`)).toContain("public.autogen_version");
    });
  });

  it("reads an empty database as the empty model", async () => {
    await withFreshDatabase("", async (client) => {
      expect(await introspectDatabase(client, { schemas: ["public"] })).toEqual({
        schemas: [],
        tables: [],
        enums: [],
      });
    });
  });

  it("names the schemas and the kind of object whose catalog statement fails", async () => {
    const role = `autogen_no_enums_${process.pid}`;
    await withFreshDatabase(
      `REVOKE SELECT ON pg_catalog.pg_enum FROM PUBLIC; CREATE ROLE ${role}`,
      async (client) => {
        await client.query(`SET ROLE ${role}`);
        try {
          await expect(introspectDatabase(client, { schemas: ["public"] })).rejects.toMatchObject({
            name: "IntrospectionError",
            objectKind: "enums",
            message: expect.stringMatching(
              /^introspecting schema "public" enums: permission denied for table pg_enum/,
            ),
          });
        } finally {
          await client.query(`RESET ROLE; DROP ROLE ${role}`);
        }
      },
    );
  });

  it("gives the first failure's reason when the failure aborts the caller's transaction", async () => {
    const role = `autogen_no_enums_tx_${process.pid}`;
    await withFreshDatabase(
      `REVOKE SELECT ON pg_catalog.pg_enum FROM PUBLIC; CREATE ROLE ${role}`,
      async (client) => {
        await client.query(`BEGIN; SET LOCAL ROLE ${role}`);
        try {
          await expect(introspectDatabase(client, { schemas: ["public"] })).rejects.toMatchObject({
            name: "IntrospectionError",
            objectKind: "catalog",
            message: expect.stringMatching(
              /^introspecting schema "public": permission denied for table pg_enum/,
            ),
          });
        } finally {
          await client.query(`ROLLBACK; DROP ROLE ${role}`);
        }
      },
    );
  });

  it("reads a schema whose name holds quotes, a backslash and a line break", async () => {
    const name = `it's a\\ "schema"\nreally`;
    await withFreshDatabase(
      `CREATE SCHEMA "${name.replaceAll('"', '""')}"; CREATE TABLE "${name.replaceAll('"', '""')}".t (id int)`,
      async (client) => {
        const schema = await introspectDatabase(client, { schemas: [name] });
        expect(schema.tables.map((t) => [t.schema, t.name])).toEqual([[name, "t"]]);
      },
    );
  });

  it("names the schemas and the object kind when a catalog query fails", async () => {
    await withFreshDatabase("", async (client) => {
      await client.query("BEGIN");
      await client.query("SELECT 1/0").catch(() => undefined);
      try {
        await expect(
          introspectDatabase(client, { schemas: ["public", "blog"] }),
        ).rejects.toMatchObject({
          name: "IntrospectionError",
          code: "introspection",
          message: expect.stringMatching(
            /^introspecting schemas "public", "blog" schemas: current transaction is aborted/,
          ),
        });
      } finally {
        await client.query("ROLLBACK");
      }
    });
  });
});
