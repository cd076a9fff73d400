import { execFile } from "node:child_process";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import {
  Column,
  Entity,
  Exclusion,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from "typeorm";
import type { DataSource } from "typeorm";
import {
  buildEntityMetadata,
  EntityMetadataError,
  schemaFromEntities,
  UnsupportedEntityFeatureError,
} from "../../src/metadata";
import { ConfigError } from "../../src/errors";
import type { DatabaseSchema } from "../../src/schema/model";
import { columnNamed, offlineDataSource, schemaOf, tableNamed } from "./entity-schema";

const root = join(__dirname, "../..");
const entityGlob = join(__dirname, "fixtures/entities/*.entity.ts");

@Entity()
class Plain {
  @PrimaryGeneratedColumn() id!: number;
}

@Entity()
class Untyped {
  @PrimaryGeneratedColumn() id!: number;
  @Column() payload!: object;
}

@Entity()
class Keyless {
  @Column() name!: string;
}

@Entity()
class Target {
  @PrimaryColumn() id!: number;
}

@Entity()
@Exclusion(`USING gist ("room" WITH =)`)
class Exotic {
  @PrimaryGeneratedColumn("identity") id!: number;
  @Column({ generatedType: "STORED", asExpression: `"room" * 2` }) double!: number;
  @Column({ collation: "C" }) room!: number;
  @ManyToOne(() => Target, { deferrable: "INITIALLY DEFERRED" }) @JoinColumn() target!: Target;
}

@Entity()
class Misgenerated {
  @PrimaryGeneratedColumn({ type: "numeric" }) id!: string;
  // TypeORM's OnDeleteType offers "DEFAULT"; PostgreSQL has no such action.
  @ManyToOne(() => Target, { onDelete: "DEFAULT" }) target!: Target;
}

describe("buildEntityMetadata", () => {
  it("builds the metadata without connecting to the database", async () => {
    const dataSource = offlineDataSource([Plain]);
    await buildEntityMetadata(dataSource);
    expect(dataSource.isInitialized).toBe(false);
    expect(dataSource.entityMetadatas.map((metadata) => metadata.tableName)).toEqual(["plain"]);
    expect(dataSource.getMetadata(Plain).tableName).toBe("plain");
  });

  it("does not instantiate the migrations or subscribers the DataSource lists", async () => {
    // An autogen migration file exports functions; TypeORM would `new` them and fail.
    const dataSource = offlineDataSource([Plain], { migrations: [async function upgrade() {}] });
    await expect(buildEntityMetadata(dataSource)).resolves.toBeUndefined();
    expect(dataSource.migrations).toEqual([]);
  });

  it("loads entity globs relative to the working directory", async () => {
    const dataSource = offlineDataSource([relative(process.cwd(), entityGlob)]);
    await buildEntityMetadata(dataSource);
    const schema = schemaFromEntities(dataSource);
    expect(schema.tables.map((table) => table.name)).toEqual(["book", "writer"]);
  });

  it("loads .ts entity globs through the TypeScript loader with decorator metadata, outside jest", async () => {
    const script = join(__dirname, "fixtures/print-schema.js");
    const { stdout } = await promisify(execFile)(process.execPath, [script, entityGlob], {
      cwd: root,
    });
    const schema = JSON.parse(stdout) as DatabaseSchema;
    const writer = tableNamed(schema, "writer");
    const book = tableNamed(schema, "book");
    expect(columnNamed(writer, "name").type).toBe("character varying");
    expect(columnNamed(writer, "born").type).toBe("timestamp without time zone");
    expect(columnNamed(book, "pages").type).toBe("integer");
    expect(columnNamed(book, "inPrint").type).toBe("boolean");
    expect(book.foreignKeys[0]?.referencedTable).toBe("writer");
  });

  it("stops when the entity globs match no file, instead of modelling an empty database", async () => {
    const dataSource = offlineDataSource([join(__dirname, "fixtures/nowhere/*.ts")]);
    await expect(buildEntityMetadata(dataSource)).rejects.toThrow(EntityMetadataError);
    await expect(buildEntityMetadata(dataSource)).rejects.toThrow(/No entities were found by/);
  });

  it("reports TypeORM's own validation errors as entity metadata errors", async () => {
    await expect(buildEntityMetadata(offlineDataSource([Untyped]))).rejects.toThrow(
      /TypeORM could not build the entity metadata: Data type "Object" in "Untyped.payload"/,
    );
    await expect(buildEntityMetadata(offlineDataSource([Keyless]))).rejects.toThrow(
      EntityMetadataError,
    );
  });

  it.each([
    ["owner", "pet"],
    ["pet", "owner"],
  ])("loads two entity files that import each other, %s first", async (first, second) => {
    const script = join(__dirname, "fixtures/print-schema.js");
    const files = [first, second].map((name) =>
      join(__dirname, `fixtures/circular/${name}.entity.ts`),
    );
    const { stdout } = await promisify(execFile)(process.execPath, [script, ...files], {
      cwd: root,
    });
    const schema = JSON.parse(stdout) as DatabaseSchema;
    expect(tableNamed(schema, "pet").foreignKeys[0]?.referencedTable).toBe("owner");
  });

  it("refuses a DataSource that is not PostgreSQL", async () => {
    const mysql = { options: { type: "mysql" } } as unknown as DataSource;
    await expect(buildEntityMetadata(mysql)).rejects.toThrow(ConfigError);
  });
});

describe("schemaFromEntities", () => {
  it("refuses a DataSource whose metadata was never built", () => {
    expect(() => schemaFromEntities(offlineDataSource([Plain]))).toThrow(
      /entity metadata has not been built/,
    );
  });

  it("models identity, generated columns, collation, exclusion constraints and deferrable keys", async () => {
    const schema = await schemaOf([Target, Exotic]);
    const exotic = tableNamed(schema, "exotic");
    expect(columnNamed(exotic, "id")).toEqual(
      expect.objectContaining({ identity: "BY DEFAULT", nullable: false, serial: false }),
    );
    expect(columnNamed(exotic, "double").generated).toBe(`"room" * 2`);
    expect(columnNamed(exotic, "room").collation).toBe("C");
    expect(exotic.exclusions).toEqual([
      { name: expect.stringMatching(/^XCL_/), expression: `USING gist ("room" WITH =)` },
    ]);
    expect(exotic.foreignKeys[0]?.deferrable).toBe("INITIALLY DEFERRED");
    expect(schema.extensions).toEqual(["btree_gist"]);
  });

  it("refuses generated columns and actions TypeORM itself would turn into invalid SQL", async () => {
    const error = await schemaOf([Target, Misgenerated]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnsupportedEntityFeatureError);
    expect((error as UnsupportedEntityFeatureError).features.map((found) => found.feature)).toEqual(
      ["increment generation on a numeric column", 'referential action "DEFAULT"'],
    );
  });
});
