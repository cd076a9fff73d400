import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryColumn,
  UpdateDateColumn,
  VersionColumn,
} from "typeorm";
import { columnNamed, schemaOf, tableNamed } from "./entity-schema";

@Entity()
class Everything {
  @PrimaryColumn() id!: number;
  @Column() inferredString!: string;
  @Column() inferredNumber!: number;
  @Column() inferredBoolean!: boolean;
  @Column() inferredDate!: Date;
  @Column({ length: 255 }) inferredStringWithLength!: string;
  @Column("varchar") varchar!: string;
  @Column("varchar", { length: 40 }) varcharWithLength!: string;
  @Column("character varying", { length: 12 }) characterVarying!: string;
  @Column("char") char!: string;
  @Column("char", { length: 3 }) charWithLength!: string;
  @Column("character", { length: 2 }) character!: string;
  @Column("text") text!: string;
  @Column("int") int!: number;
  @Column("int4") int4!: number;
  @Column("integer") integer!: number;
  @Column("int2") int2!: number;
  @Column("smallint") smallint!: number;
  @Column("int8") int8!: string;
  @Column("bigint") bigint!: string;
  @Column("decimal", { precision: 10, scale: 2 }) decimal!: string;
  @Column("numeric", { precision: 12, scale: 4 }) numeric!: string;
  @Column("numeric", { precision: 7 }) numericPrecisionOnly!: string;
  @Column("numeric") numericBare!: string;
  @Column("float") float!: number;
  @Column("float8") float8!: number;
  @Column("double precision") doublePrecision!: number;
  @Column("float4") float4!: number;
  @Column("real") real!: number;
  @Column("bool") bool!: boolean;
  @Column("boolean") boolean!: boolean;
  @Column("uuid") uuid!: string;
  @Column("json") json!: object;
  @Column("jsonb") jsonb!: object;
  @Column("date") date!: string;
  @Column("timestamp") timestamp!: Date;
  @Column("timestamp", { precision: 3 }) timestampPrecision!: Date;
  @Column("timestamptz") timestamptz!: Date;
  @Column({ type: "timestamptz", precision: 3 }) timestamptzPrecision!: Date;
  @Column("timestamp with time zone", { precision: 0 }) timestampWithTimeZone!: Date;
  @Column("time") time!: string;
  @Column("time", { precision: 2 }) timePrecision!: string;
  @Column("timetz") timetz!: string;
  @Column("interval") interval!: string;
  @Column({ type: "interval", precision: 3 }) intervalPrecision!: string;
  @Column("bytea") bytea!: Buffer;
  @Column("bit") bit!: string;
  @Column({ type: "bit", length: 8 }) bitWithLength!: string;
  @Column("varbit") varbit!: string;
  @Column({ type: "varbit", length: 16 }) varbitWithLength!: string;
  @Column("simple-array") simpleArray!: string[];
  @Column("simple-json") simpleJson!: object;
  @Column("inet") inet!: string;
  @Column("money") money!: string;
  @Column("tsvector") tsvector!: string;
  @Column("int4range") int4range!: string;
  @Column("citext") citext!: string;
  @Column("text", { array: true }) textArray!: string[];
  @Column("int", { array: true }) intArray!: number[];
  @Column("varchar", { length: 20, array: true }) varcharArray!: string[];
  @Column("numeric", { precision: 5, scale: 1, array: true }) numericArray!: string[];
  @CreateDateColumn() createdAt!: Date;
  @UpdateDateColumn({ type: "timestamptz" }) updatedAt!: Date;
  @VersionColumn() version!: number;
}

describe("column types", () => {
  let table: ReturnType<typeof tableNamed>;
  beforeAll(async () => {
    table = tableNamed(await schemaOf([Everything]), "everything");
  });

  it.each([
    ["inferredString", "character varying", false],
    ["inferredNumber", "integer", false],
    ["inferredBoolean", "boolean", false],
    ["inferredDate", "timestamp without time zone", false],
    ["inferredStringWithLength", "character varying(255)", false],
    ["varchar", "character varying", false],
    ["varcharWithLength", "character varying(40)", false],
    ["characterVarying", "character varying(12)", false],
    ["char", "character(1)", false],
    ["charWithLength", "character(3)", false],
    ["character", "character(2)", false],
    ["text", "text", false],
    ["int", "integer", false],
    ["int4", "integer", false],
    ["integer", "integer", false],
    ["int2", "smallint", false],
    ["smallint", "smallint", false],
    ["int8", "bigint", false],
    ["bigint", "bigint", false],
    ["decimal", "numeric(10,2)", false],
    ["numeric", "numeric(12,4)", false],
    ["numericPrecisionOnly", "numeric(7,0)", false],
    ["numericBare", "numeric", false],
    ["float", "double precision", false],
    ["float8", "double precision", false],
    ["doublePrecision", "double precision", false],
    ["float4", "real", false],
    ["real", "real", false],
    ["bool", "boolean", false],
    ["boolean", "boolean", false],
    ["uuid", "uuid", false],
    ["json", "json", false],
    ["jsonb", "jsonb", false],
    ["date", "date", false],
    ["timestamp", "timestamp without time zone", false],
    ["timestampPrecision", "timestamp(3) without time zone", false],
    ["timestamptz", "timestamp with time zone", false],
    ["timestamptzPrecision", "timestamp(3) with time zone", false],
    ["timestampWithTimeZone", "timestamp(0) with time zone", false],
    ["time", "time without time zone", false],
    ["timePrecision", "time(2) without time zone", false],
    ["timetz", "time with time zone", false],
    ["interval", "interval", false],
    ["intervalPrecision", "interval(3)", false],
    ["bytea", "bytea", false],
    ["bit", "bit(1)", false],
    ["bitWithLength", "bit(8)", false],
    ["varbit", "bit varying", false],
    ["varbitWithLength", "bit varying(16)", false],
    ["simpleArray", "text", false],
    ["simpleJson", "text", false],
    ["inet", "inet", false],
    ["money", "money", false],
    ["tsvector", "tsvector", false],
    ["int4range", "int4range", false],
    ["citext", "citext", false],
    ["textArray", "text", true],
    ["intArray", "integer", true],
    ["varcharArray", "character varying(20)", true],
    ["numericArray", "numeric(5,1)", true],
    ["createdAt", "timestamp without time zone", false],
    ["updatedAt", "timestamp with time zone", false],
    ["version", "integer", false],
  ])("maps %s to %s (array: %s)", (name, type, isArray) => {
    const column = columnNamed(table, name);
    expect(column).toMatchObject({ type, isArray, typeSchema: null });
  });

  it("keeps the columns in declaration order, as TypeORM creates them", () => {
    expect(table.columns.slice(0, 4).map((column) => column.name)).toEqual([
      "id",
      "inferredString",
      "inferredNumber",
      "inferredBoolean",
    ]);
    expect(table.columns.at(-1)?.name).toBe("version");
  });
});
