import { Column, Entity, Generated, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import { compareSchemas } from "../../src/diff";
import { createTestDatabase } from "../support/database";
import { column, schema, table } from "../support/model-builders";
import { compareOn as compare } from "../autogen/support/compare";
import { roundTrip } from "../autogen/support/run-case";
import { postgresExpressions } from "../../src/dialect/postgres/expressions";

@Entity("tokens")
class Token {
  @PrimaryGeneratedColumn("uuid") id!: string;
}

@Entity("labels")
class Label {
  @PrimaryGeneratedColumn() id!: number;
  @Column("citext") name!: string;
  @Column("hstore", { nullable: true }) attributes!: string;
  @Column("ltree", { nullable: true }) path!: string;
}

@Entity("keys")
class Key {
  @PrimaryColumn("uuid", { default: () => "uuid_generate_v4()" }) id!: string;
}

@Entity("names")
class Name {
  @PrimaryColumn("citext") name!: string;
}

@Entity("codes")
class Code {
  @PrimaryColumn("uuid") @Generated("uuid") id!: string;
  @Column("citext", { default: "none" }) name!: string;
}

const kinds = (list: readonly { kind: string }[]) => list.map((op) => op.kind);

describe("extensions the tables need", () => {
  it("creates uuid-ossp for @PrimaryGeneratedColumn('uuid') before the table that calls it, and the downgrade drops it", async () => {
    const run = await roundTrip({ after: [Token] });
    expect(kinds(run.upgrade)).toEqual(["createExtension", "createTable"]);
    expect(run.upgrade[0]).toEqual({ kind: "createExtension", name: "uuid-ossp" });
    expect(kinds(run.downgrade)).toEqual(["dropTable", "dropExtension"]);
    expect(run.file).toContain('await op.createExtension("uuid-ossp");');
    expect(run.review).toContain('creates extension "uuid-ossp" if it is not installed');
  });

  it("creates pgcrypto instead when the DataSource sets uuidExtension: pgcrypto", async () => {
    const run = await roundTrip({ after: [Token], options: { uuidExtension: "pgcrypto" } });
    expect(run.upgrade[0]).toEqual({ kind: "createExtension", name: "pgcrypto" });
  });

  it("creates citext, hstore and ltree for columns of those types, then the table using them", async () => {
    const run = await roundTrip({ after: [Label] });
    expect(run.upgrade.slice(0, 3)).toEqual([
      { kind: "createExtension", name: "citext" },
      { kind: "createExtension", name: "hstore" },
      { kind: "createExtension", name: "ltree" },
    ]);
    expect(kinds(run.upgrade).slice(3)).toEqual(["createTable"]);
  });

  it("creates uuid-ossp for a default that calls uuid_generate_v4() on a column TypeORM does not generate", async () => {
    // TypeORM's own synchronize fails here ("function uuid_generate_v4() does not exist").
    const run = await roundTrip({ after: [Key], oracleOptions: { extensions: ["uuid-ossp"] } });
    expect(run.upgrade[0]).toEqual({ kind: "createExtension", name: "uuid-ossp" });
  });

  it("creates only the extensions the database lacks, keeping a citext default canonical", async () => {
    const run = await roundTrip({
      after: [Code],
      seed: `CREATE EXTENSION "uuid-ossp"`,
    });
    expect(run.upgrade[0]).toEqual({ kind: "createExtension", name: "citext" });
    expect(kinds(run.upgrade)).toEqual(["createExtension", "createTable"]);
  });

  it("creates the DataSource's own `extensions` list, and none at all with installExtensions: false", async () => {
    const db = await createTestDatabase("ext");
    try {
      const listed = await compare(db, [Token], { extensions: ["pg_trgm"] });
      expect(listed.filter((op) => op.kind === "createExtension")).toEqual([
        { kind: "createExtension", name: "pg_trgm" },
        { kind: "createExtension", name: "uuid-ossp" },
      ]);
      await db.query(`CREATE EXTENSION citext`);
      const none = await compare(db, [Name], { installExtensions: false });
      expect(kinds(none)).toEqual(["createTable"]);
    } finally {
      await db.drop();
    }
  });

  it("never drops an extension the entities no longer need", () => {
    const current = { ...schema([table("t", [column("id", "integer")])]), extensions: ["citext"] };
    const target = schema([table("t", [column("id", "integer")])]);
    expect(compareSchemas(current, target, postgresExpressions)).toEqual([]);
  });
});
