import { Column, DataSource, Entity, Index, PrimaryColumn, ViewColumn, ViewEntity } from "typeorm";
import { createTestDatabase } from "../support/database";
import { compareOn as compare } from "../autogen/support/compare";
import { roundTrip } from "../autogen/support/run-case";

@Entity("authors")
class Author {
  @PrimaryColumn() id!: number;
  @Column({ length: 50 }) name!: string;
  @Column({ default: true }) active!: boolean;
}

@Entity("authors")
class AuthorWithLongerName {
  @PrimaryColumn() id!: number;
  @Column({ length: 100 }) name!: string;
  @Column({ default: true }) active!: boolean;
}

@ViewEntity({
  name: "active_authors",
  expression: `SELECT "id", "name" FROM "authors" WHERE "active"`,
})
class ActiveAuthor {
  @ViewColumn() id!: number;
  @ViewColumn() name!: string;
}

@ViewEntity({
  name: "active_authors",
  expression: `SELECT "id", upper("name") AS "name" FROM "authors" WHERE "active"`,
})
class ShoutedActiveAuthor {
  @ViewColumn() id!: number;
  @ViewColumn() name!: string;
}

@ViewEntity({
  name: "author_initials",
  expression: `SELECT "id", left("name", 1) AS "initial" FROM "active_authors"`,
  dependsOn: ["active_authors"],
})
class AuthorInitial {
  @ViewColumn() id!: number;
  @ViewColumn() initial!: string;
}

@ViewEntity({
  name: "author_counts",
  materialized: true,
  expression: `SELECT "active", count(*) AS "n" FROM "authors" GROUP BY "active"`,
})
@Index("IDX_author_counts_active", ["active"], { unique: true })
@Index("IDX_author_counts_many", ["n"], { where: `"n" > 1` })
class AuthorCount {
  @ViewColumn() active!: boolean;
  @ViewColumn() n!: string;
}

@Entity({ name: "books", schema: "library" })
class Book {
  @PrimaryColumn() id!: number;
  @Column() authorId!: number;
  @Column() title!: string;
}

@ViewEntity({
  name: "titles",
  schema: "reports",
  expression: `SELECT b."title", a."name" FROM "library"."books" b JOIN "authors" a ON a."id" = b."authorId"`,
})
class Title {
  @ViewColumn() title!: string;
  @ViewColumn() name!: string;
}

@ViewEntity({
  name: "author_names",
  expression: (dataSource: DataSource) =>
    dataSource.createQueryBuilder().select("a.name", "name").from(Author, "a"),
})
class AuthorName {
  @ViewColumn() name!: string;
}

@Entity("orders")
class Order {
  @PrimaryColumn() id!: number;
  @Column({ type: "enum", enum: ["new", "paid"], default: "new" }) state!: string;
}

@Entity("orders")
class OrderWithRefunds {
  @PrimaryColumn() id!: number;
  @Column({ type: "enum", enum: ["new", "paid", "refunded"], default: "new" }) state!: string;
}

@ViewEntity({ name: "paid_orders", expression: `SELECT "id" FROM "orders" WHERE "state" = 'paid'` })
class PaidOrder {
  @ViewColumn() id!: number;
}

@ViewEntity({ name: "broken", expression: `SELECT "nope" FROM "authors"` })
class Broken {
  @ViewColumn() nope!: string;
}

const SEED = `INSERT INTO authors (id, name, active) VALUES (1, 'Ann', true), (2, 'Bob', false)`;
const ROWS = `SELECT id, name, active FROM authors ORDER BY id`;
const kinds = (list: readonly { kind: string }[]) => list.map((op) => op.kind);

describe("views", () => {
  it("creates a view after the table it reads, with PostgreSQL's own text of the query", async () => {
    const run = await roundTrip({ after: [Author, ActiveAuthor] });
    expect(kinds(run.upgrade)).toEqual(["createTable", "createView"]);
    expect(kinds(run.downgrade)).toEqual(["dropView", "dropTable"]);
    expect(run.file).toMatch(/op\.createView\("active_authors", \{\s+definition: "SELECT/);
  });

  it("re-creates a view whose query changes, and drops one that goes away", async () => {
    const changed = await roundTrip({
      before: [Author, ActiveAuthor],
      after: [Author, ShoutedActiveAuthor],
      seed: SEED,
      rows: ROWS,
      upgraded: async (db) =>
        expect(await db.query(`SELECT name FROM active_authors`)).toEqual([{ name: "ANN" }]),
    });
    expect(kinds(changed.upgrade)).toEqual(["dropView", "createView"]);
    const dropped = await roundTrip({ before: [Author, ActiveAuthor], after: [Author] });
    expect(kinds(dropped.upgrade)).toEqual(["dropView"]);
  });

  it("drops and re-creates an unchanged view around a type change of a column it reads", async () => {
    const run = await roundTrip({
      before: [Author, ActiveAuthor, AuthorInitial],
      after: [AuthorWithLongerName, ActiveAuthor, AuthorInitial],
      seed: SEED,
      rows: ROWS,
    });
    expect(kinds(run.upgrade)).toEqual([
      "dropView",
      "dropView",
      "alterColumn",
      "createView",
      "createView",
    ]);
    // The view that reads the other is dropped first and created last.
    expect(run.upgrade[0]).toEqual(expect.objectContaining({ name: "author_initials" }));
    expect(run.upgrade[4]).toEqual(
      expect.objectContaining({ view: expect.objectContaining({ name: "author_initials" }) }),
    );
  });

  it("creates a materialized view with its rows and its indexes", async () => {
    const run = await roundTrip({
      before: [Author],
      after: [Author, AuthorCount],
      seed: SEED,
      rows: ROWS,
      upgraded: async (db) =>
        expect(await db.query(`SELECT active, n::int FROM author_counts ORDER BY active`)).toEqual([
          { active: false, n: 1 },
          { active: true, n: 1 },
        ]),
    });
    expect(kinds(run.upgrade)).toEqual(["createView", "createIndex", "createIndex"]);
    expect(run.file).toContain('where: "(n > 1)"');
    expect(run.review).toContain(
      'creates materialized view "author_counts" (computes its rows now)',
    );
    expect(kinds(run.downgrade)).toEqual(["dropIndex", "dropIndex", "dropView"]);
  });

  it("creates a view in its own schema over tables of two others", async () => {
    const run = await roundTrip({ after: [Author, Book, Title] });
    expect(kinds(run.upgrade)).toEqual([
      "createSchema",
      "createSchema",
      "createTable",
      "createTable",
      "createView",
    ]);
  });

  it("creates a view whose expression is a query builder, built without connecting", async () => {
    const run = await roundTrip({ after: [Author, AuthorName] });
    expect(kinds(run.upgrade)).toEqual(["createTable", "createView"]);
  });

  it("names the view whose query PostgreSQL rejects, and leaves the database as it was", async () => {
    const db = await createTestDatabase("view");
    try {
      await expect(compare(db, [Author, Broken])).rejects.toThrow(
        /View "public\.broken" \(SELECT "nope" FROM "authors"\): PostgreSQL rejects it: column "nope" does not exist/,
      );
      expect(await db.query(`SELECT relname FROM pg_class WHERE relname = 'authors'`)).toEqual([]);
    } finally {
      await db.drop();
    }
  });

  it("drops a view that reads an enum column before labels are added, so the downgrade can rebuild the enum", async () => {
    const run = await roundTrip({
      before: [Order, PaidOrder],
      after: [OrderWithRefunds, PaidOrder],
      seed: `INSERT INTO orders (id, state) VALUES (1, 'paid'), (2, 'new')`,
      rows: `SELECT id, state::text FROM orders ORDER BY id`,
    });
    expect(kinds(run.upgrade)).toEqual(["dropView", "alterEnum", "createView"]);
    expect(kinds(run.downgrade)).toEqual(["dropView", "alterEnum", "createView"]);
  });
});
