import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { roundTrip } from "../autogen/support/run-case";

@Entity("items")
class Item {
  @PrimaryColumn() id!: number;
  @Column("numeric", { precision: 10, scale: 2 }) price!: string;
  @Column() quantity!: number;
}

@Entity("items")
@Index("IDX_items_total", ["total"])
class ItemWithTotal {
  @PrimaryColumn() id!: number;
  @Column("numeric", { precision: 10, scale: 2 }) price!: string;
  @Column() quantity!: number;
  @Column({
    type: "numeric",
    generatedType: "STORED",
    asExpression: `"price" * "quantity"`,
    nullable: true,
  })
  total!: string;
}

@Entity("items")
@Index("IDX_items_total", ["total"])
class ItemWithTaxedTotal {
  @PrimaryColumn() id!: number;
  @Column("numeric", { precision: 10, scale: 2 }) price!: string;
  @Column() quantity!: number;
  @Column({
    type: "numeric",
    generatedType: "STORED",
    asExpression: `"price" * "quantity" * 1.2`,
    nullable: true,
  })
  total!: string;
}

@Entity("items")
@Index("IDX_items_total", ["total"])
class ItemWithPlainTotal {
  @PrimaryColumn() id!: number;
  @Column("numeric", { precision: 10, scale: 2 }) price!: string;
  @Column() quantity!: number;
  @Column("numeric", { nullable: true }) total!: string;
}

@Entity("people")
class Person {
  @PrimaryColumn() id!: number;
  @Column() first!: string;
  @Column() last!: string;
  @Column({ generatedType: "STORED", asExpression: `first || ' ' || last` }) full!: string;
}

const SEED = `INSERT INTO items (id, price, quantity) VALUES (1, 2.50, 4), (2, 10, 3)`;
const ROWS = `SELECT id, price, quantity FROM items ORDER BY id`;
const kinds = (list: readonly { kind: string }[]) => list.map((op) => op.kind);

describe("generated (STORED) columns", () => {
  it("creates a table with a generated column whose expression is PostgreSQL's canonical one", async () => {
    const run = await roundTrip({ after: [Person] });
    expect(run.file).toContain(`generated: "(((first)::text || ' '::text) || (last)::text)"`);
  });

  it("adds a generated column to a table with rows, which computes its values", async () => {
    const run = await roundTrip({
      before: [Item],
      after: [ItemWithTotal],
      seed: SEED,
      rows: ROWS,
      upgraded: async (db) =>
        expect(await db.query(`SELECT total::text FROM items ORDER BY id`)).toEqual([
          { total: "10.00" },
          { total: "30.00" },
        ]),
    });
    expect(kinds(run.upgrade)).toEqual(["addColumn", "createIndex"]);
  });

  it("drops a generated column, saying nothing is lost", async () => {
    const run = await roundTrip({ before: [ItemWithTotal], after: [Item], seed: SEED, rows: ROWS });
    expect(kinds(run.upgrade)).toEqual(["dropIndex", "dropColumn"]);
    expect(run.review).toContain('drops generated column "items"."total"');
  });

  it("changes an expression by dropping and re-adding the column, with the index on it, and warns", async () => {
    const run = await roundTrip({
      before: [ItemWithTotal],
      after: [ItemWithTaxedTotal],
      seed: SEED,
      rows: ROWS,
      upgraded: async (db) =>
        expect(await db.query(`SELECT total::text FROM items ORDER BY id`)).toEqual([
          { total: "12.000" },
          { total: "36.000" },
        ]),
    });
    expect(kinds(run.upgrade)).toEqual(["dropIndex", "dropColumn", "addColumn", "createIndex"]);
    expect(run.review).toContain(
      'WARNING: drops and re-adds generated column "items"."total" with its new expression ' +
        "(PostgreSQL before 17 cannot change it in place; nothing is lost, its values are computed again)",
    );
    expect(run.review.filter((line) => line.includes("rename"))).toEqual([]);
  });

  it("turns a generated column into a plain one that keeps its values, and the downgrade computes them again", async () => {
    const run = await roundTrip({
      before: [ItemWithTotal],
      after: [ItemWithPlainTotal],
      seed: SEED,
      rows: ROWS,
      upgraded: async (db) =>
        expect(await db.query(`SELECT total::text FROM items ORDER BY id`)).toEqual([
          { total: "10.00" },
          { total: "30.00" },
        ]),
    });
    // The index comes back around the change so that the downgrade, which has to drop the
    // column and add it generated again, can put it back too.
    expect(kinds(run.upgrade)).toEqual(["dropIndex", "alterColumn", "createIndex"]);
    expect(run.review).toContain(
      'makes generated column "items"."total" a plain one that keeps its values (DROP EXPRESSION)',
    );
    expect(kinds(run.downgrade)).toEqual(["dropIndex", "alterColumn", "createIndex"]);
  });

  it("turns a plain column into a generated one by dropping and re-adding it, and says so", async () => {
    const back = await roundTrip({ before: [ItemWithPlainTotal], after: [ItemWithTotal] });
    expect(kinds(back.upgrade)).toEqual(["dropIndex", "dropColumn", "addColumn", "createIndex"]);
    expect(back.review).toContain(
      'WARNING: drops "items"."total" and adds it back as a generated column (its stored values are replaced by computed ones)',
    );
  });
});
