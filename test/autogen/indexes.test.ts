import { Column, Index, PrimaryGeneratedColumn, Unique } from "typeorm";
import { entity, type ClassDecorator } from "./support/entity";
import { describeCases } from "./support/run-case";

/** `articles` with a fixed set of columns and the given class decorators (indexes, uniques). */
const articles = (...decorators: ClassDecorator[]) =>
  entity(
    { name: "articles", decorators },
    {
      id: PrimaryGeneratedColumn(),
      slug: Column({ type: "varchar", length: 80 }),
      author: Column({ type: "varchar", length: 80 }),
      score: Column({ type: "int", default: 0 }),
      tags: Column({ type: "text", array: true, default: [] }),
      body: Column({ type: "tsvector", nullable: true }),
      during: Column({ type: "tstzrange", nullable: true }),
    },
  );

describeCases("indexes and unique constraints", [
  {
    name: "a new index is created",
    before: [articles()],
    after: [articles(Index("IDX_articles_author", ["author"]))],
    expect: [
      [
        "createIndex",
        {
          index: {
            name: "IDX_articles_author",
            columns: ["author"],
            unique: false,
            method: "btree",
          },
        },
      ],
    ],
    sql: [`CREATE INDEX "IDX_articles_author" ON "public"."articles" ("author")`],
  },
  {
    name: "a removed index is dropped, and the downgrade creates it again",
    before: [articles(Index("IDX_articles_author", ["author"]))],
    after: [articles()],
    expect: [["dropIndex", { name: "IDX_articles_author", previous: { columns: ["author"] } }]],
  },
  {
    name: "an index made unique is dropped and created again",
    before: [articles(Index("IDX_articles_slug", ["slug"]))],
    after: [articles(Index("IDX_articles_slug", ["slug"], { unique: true }))],
    expect: [
      ["dropIndex", { name: "IDX_articles_slug" }],
      ["createIndex", { index: { unique: true } }],
    ],
  },
  {
    name: "the column order of a composite index is a change",
    before: [articles(Index("IDX_articles_pair", ["author", "slug"]))],
    after: [articles(Index("IDX_articles_pair", ["slug", "author"]))],
    expect: [
      ["dropIndex", { name: "IDX_articles_pair" }],
      ["createIndex", { index: { columns: ["slug", "author"] } }],
    ],
  },
  {
    name: "a changed WHERE of a partial index is detected, which migration:generate misses (#11714)",
    before: [articles(Index("IDX_articles_live", ["slug"], { where: `"score" > 0` }))],
    after: [articles(Index("IDX_articles_live", ["slug"], { where: `"score" > 10` }))],
    expect: [
      ["dropIndex", { name: "IDX_articles_live", previous: { where: "(score > 0)" } }],
      ["createIndex", { index: { name: "IDX_articles_live", where: "(score > 10)" } }],
    ],
    typeormGenerates: { issue: "#11714", matching: "nothing" },
  },
  {
    name: "a unique partial index is created with its predicate",
    before: [articles()],
    after: [
      articles(
        Index("IDX_articles_slug_live", ["slug"], {
          unique: true,
          where: `"author" <> 'bot' AND "score" >= 0`,
        }),
      ),
    ],
    expect: [
      [
        "createIndex",
        { index: { unique: true, where: "(((author)::text <> 'bot'::text) AND (score >= 0))" } },
      ],
    ],
  },
  {
    name: "a gin index on an array column is created with its method",
    before: [articles()],
    after: [articles(Index("IDX_articles_tags", ["tags"], { type: "gin" }))],
    expect: [["createIndex", { index: { method: "gin", columns: ["tags"] } }]],
  },
  {
    name: "gist indexes on tsvector and range columns are created with their method",
    before: [articles()],
    after: [
      articles(
        Index("IDX_articles_body", ["body"], { type: "gist" }),
        Index("IDX_articles_during", ["during"], { type: "gist" }),
      ),
    ],
    expect: [
      ["createIndex", { index: { method: "gist", columns: ["body"] } }],
      ["createIndex", { index: { method: "gist", columns: ["during"] } }],
    ],
  },
  {
    name: "hash, brin and spgist indexes are created with their method, and a method change is detected",
    before: [articles(Index("IDX_articles_author", ["author"]))],
    after: [
      articles(
        Index("IDX_articles_author", ["author"], { type: "hash" }),
        Index("IDX_articles_score", ["score"], { type: "brin" }),
        Index("IDX_articles_during", ["during"], { type: "spgist" }),
      ),
    ],
    expect: [
      ["dropIndex", { name: "IDX_articles_author", previous: { method: "btree" } }],
      ["createIndex", { index: { name: "IDX_articles_author", method: "hash" } }],
      ["createIndex", { index: { name: "IDX_articles_during", method: "spgist" } }],
      ["createIndex", { index: { name: "IDX_articles_score", method: "brin" } }],
    ],
  },
  {
    name: "a partial index on an enum value survives a rebuild of the enum",
    before: [
      entity(
        {
          name: "jobs",
          decorators: [Index("IDX_jobs_open", ["id"], { where: `"state" = 'open'` })],
        },
        {
          id: PrimaryGeneratedColumn(),
          state: Column({ type: "enum", enum: ["open", "stale", "done"] }),
        },
      ),
    ],
    after: [
      entity(
        {
          name: "jobs",
          decorators: [Index("IDX_jobs_open", ["id"], { where: `"state" = 'open'` })],
        },
        { id: PrimaryGeneratedColumn(), state: Column({ type: "enum", enum: ["open", "done"] }) },
      ),
    ],
    expect: [
      ["alterEnum", { to: ["open", "done"], dependents: [{ index: { name: "IDX_jobs_open" } }] }],
    ],
  },
  {
    name: "an index declared with synchronize: false is neither created nor dropped",
    before: `CREATE TABLE articles (id serial PRIMARY KEY, slug varchar(80) NOT NULL, author varchar(80) NOT NULL,
               score int NOT NULL DEFAULT 0, tags text[] NOT NULL DEFAULT '{}', body tsvector, during tstzrange);
             ALTER TABLE articles RENAME CONSTRAINT articles_pkey TO "PK_0a6e2c450d83e0b6052c2793334";
             CREATE INDEX "IDX_manual" ON articles (lower(slug), author)`,
    after: [articles(Index("IDX_manual", { synchronize: false }))],
    oracleSql: { after: `CREATE INDEX "IDX_manual" ON articles (lower(slug), author)` },
    expect: [],
  },
  {
    name: "an expression index made by hand is left alone",
    before: [articles()],
    after: [articles()],
    expect: [],
    seed: `CREATE INDEX "IDX_lower_slug" ON articles (lower(slug))`,
    oracleSql: { after: `CREATE INDEX "IDX_lower_slug" ON articles (lower(slug))` },
  },
  {
    name: "a unique: true column adds a unique constraint",
    before: [articles()],
    after: [
      entity("articles", {
        id: PrimaryGeneratedColumn(),
        slug: Column({ type: "varchar", length: 80, unique: true }),
        author: Column({ type: "varchar", length: 80 }),
        score: Column({ type: "int", default: 0 }),
        tags: Column({ type: "text", array: true, default: [] }),
        body: Column({ type: "tsvector", nullable: true }),
        during: Column({ type: "tstzrange", nullable: true }),
      }),
    ],
    expect: [["addUnique", { unique: { columns: ["slug"] } }]],
  },
  {
    name: "a named composite @Unique is added, and dropped on downgrade",
    before: [articles()],
    after: [articles(Unique("UQ_articles_author_slug", ["author", "slug"]))],
    expect: [
      ["addUnique", { unique: { name: "UQ_articles_author_slug", columns: ["author", "slug"] } }],
    ],
    sql: [
      `ALTER TABLE "public"."articles" ADD CONSTRAINT "UQ_articles_author_slug" UNIQUE ("author", "slug")`,
    ],
  },
  {
    name: "a removed @Unique is dropped",
    before: [articles(Unique("UQ_articles_slug", ["slug"]))],
    after: [articles()],
    expect: [["dropUnique", { name: "UQ_articles_slug", previous: { columns: ["slug"] } }]],
  },
  {
    name: "a unique constraint turned into a unique index is one dropped and the other created",
    before: [articles(Unique("UQ_articles_slug", ["slug"]))],
    after: [articles(Index("IDX_articles_slug", ["slug"], { unique: true }))],
    expect: [
      ["dropUnique", { name: "UQ_articles_slug" }],
      ["createIndex", { index: { name: "IDX_articles_slug", unique: true } }],
    ],
  },
  {
    name: "a unique index and a unique constraint on the same column are told apart",
    before: [articles(Unique("UQ_articles_slug", ["slug"]))],
    after: [
      articles(
        Unique("UQ_articles_slug", ["slug"]),
        Index("IDX_articles_slug", ["slug"], { unique: true }),
      ),
    ],
    expect: [["createIndex", { index: { name: "IDX_articles_slug", unique: true } }]],
  },
]);
