import {
  Column,
  CreateDateColumn,
  Entity,
  Generated,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from "typeorm";
import { byTypeOrmLine } from "../support/typeorm-line";
import { columnNamed, schemaOf, tableNamed } from "./entity-schema";

@Entity()
class Defaults {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ default: "draft" }) status!: string;
  @Column({ default: "it's" }) quoted!: string;
  @Column({ default: 5 }) count!: number;
  @Column({ default: true }) active!: boolean;
  @Column({ default: false }) archived!: boolean;
  @Column("jsonb", { default: { a: 1 } }) settings!: object;
  @Column("jsonb", { default: { quote: "it's" } }) quotedJson!: object;
  @Column("text", { array: true, default: ["a", "b"] }) tags!: string[];
  @Column({ type: "timestamptz", default: () => "now()" }) seenAt!: Date;
  @Column({ type: "timestamptz", default: () => "CURRENT_TIMESTAMP" }) touchedAt!: Date;
  @Column({ type: "date", default: () => "CURRENT_DATE" }) day!: string;
  @Column({ nullable: true }) none!: string;
  @Column({ nullable: true, default: null }) explicitNull!: string;
  @CreateDateColumn() createdAt!: Date;
  @UpdateDateColumn() updatedAt!: Date;
}

@Entity()
class Described {
  @PrimaryColumn({ comment: "natural key" }) code!: string;
  @Column({ comment: "shown to users" }) label!: string;
  @Column({ comment: "" }) plain!: string;
  @Column({ nullable: true }) optional!: string;
  @Column({ nullable: false }) required!: string;
}

@Entity()
class SerialKey {
  @PrimaryGeneratedColumn() id!: number;
}

@Entity()
class BigSerialKey {
  @PrimaryGeneratedColumn({ type: "bigint" }) id!: string;
  @Column() @Generated("increment") sequenceNumber!: number;
}

@Entity()
class UuidKey {
  @PrimaryGeneratedColumn("uuid") id!: string;
  @Column("uuid") @Generated("uuid") token!: string;
  @Column("uuid", { default: () => "gen_random_uuid()" }) @Generated("uuid") explicit!: string;
}

describe("column defaults", () => {
  let table: ReturnType<typeof tableNamed>;
  beforeAll(async () => {
    table = tableNamed(await schemaOf([Defaults]), "defaults");
  });

  it.each([
    ["status", "'draft'"],
    ["quoted", "'it''s'"],
    ["count", "'5'"],
    ["active", "true"],
    ["archived", "false"],
    ["settings", `'{"a":1}'`],
    // TypeORM 0.3 writes an object default without doubling its quotes, SQL its own
    // synchronize cannot run; 1.x escapes it. The model keeps what TypeORM writes.
    ["quotedJson", byTypeOrmLine({ "1.x": `'{"quote":"it''s"}'`, "0.3": `'{"quote":"it's"}'` })],
    ["tags", "'{a,b}'"],
    ["seenAt", "now()"],
    ["touchedAt", "now()"],
    ["day", "('now'::text)::date"],
    ["none", null],
    ["explicitNull", null],
    ["createdAt", "now()"],
    ["updatedAt", "now()"],
  ])("gives %s the default TypeORM writes: %s", (name, expected) => {
    expect(columnNamed(table, name).default).toBe(expected);
  });

  it("treats default: null as nullable, as TypeORM does", () => {
    expect(columnNamed(table, "explicitNull").nullable).toBe(true);
  });
});

describe("nullability and comments", () => {
  let table: ReturnType<typeof tableNamed>;
  beforeAll(async () => {
    table = tableNamed(await schemaOf([Described]), "described");
  });

  it("makes columns NOT NULL unless the entity says nullable", () => {
    expect(columnNamed(table, "label").nullable).toBe(false);
    expect(columnNamed(table, "optional").nullable).toBe(true);
    expect(columnNamed(table, "required").nullable).toBe(false);
  });

  it("carries column comments and treats an empty comment as none", () => {
    expect(columnNamed(table, "code").comment).toBe("natural key");
    expect(columnNamed(table, "label").comment).toBe("shown to users");
    expect(columnNamed(table, "plain").comment).toBeNull();
    expect(columnNamed(table, "optional").comment).toBeNull();
  });
});

describe("generated keys", () => {
  it("models @PrimaryGeneratedColumn() as an integer serial with no default", async () => {
    const table = tableNamed(await schemaOf([SerialKey]), "serial_key");
    expect(table.columns).toEqual([
      {
        name: "id",
        type: "integer",
        typeSchema: null,
        isArray: false,
        nullable: false,
        default: null,
        serial: true,
        comment: null,
      },
    ]);
  });

  it("models bigint increments and @Generated('increment') columns as serials too", async () => {
    const table = tableNamed(await schemaOf([BigSerialKey]), "big_serial_key");
    expect(columnNamed(table, "id")).toMatchObject({ type: "bigint", serial: true, default: null });
    expect(columnNamed(table, "sequenceNumber")).toMatchObject({
      type: "integer",
      serial: true,
      default: null,
    });
  });

  it("gives uuid-generated columns uuid_generate_v4() by default", async () => {
    const table = tableNamed(await schemaOf([UuidKey]), "uuid_key");
    expect(columnNamed(table, "id")).toMatchObject({
      type: "uuid",
      serial: false,
      nullable: false,
      default: "uuid_generate_v4()",
    });
    expect(columnNamed(table, "token").default).toBe("uuid_generate_v4()");
  });

  it("uses gen_random_uuid() when the DataSource picks the pgcrypto extension", async () => {
    const table = tableNamed(await schemaOf([UuidKey], { uuidExtension: "pgcrypto" }), "uuid_key");
    expect(columnNamed(table, "id").default).toBe("gen_random_uuid()");
    expect(columnNamed(table, "token").default).toBe("gen_random_uuid()");
  });

  it("keeps an explicit default on a uuid-generated column", async () => {
    const table = tableNamed(await schemaOf([UuidKey]), "uuid_key");
    expect(columnNamed(table, "explicit").default).toBe("gen_random_uuid()");
  });
});
