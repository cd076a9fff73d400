import { parseCreateTable } from "../../../src/dialect/sqlite/parse-create-table";

/** What TypeORM 1.x's better-sqlite3 driver writes for a users table (copied from sqlite_master). */
const TYPEORM_USERS = `CREATE TABLE "users" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar NOT NULL, "age" integer DEFAULT (3), "role" varchar CHECK( "role" IN ('a','b') ) NOT NULL DEFAULT ('a'), "code" varchar(20) NOT NULL, CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("name"), CONSTRAINT "CHK_age" CHECK ("age" > 0))`;

describe("parseCreateTable", () => {
  const users = parseCreateTable(TYPEORM_USERS)!;

  it("reads columns with their declared types, AUTOINCREMENT and the primary key", () => {
    expect(users.columns.map((c) => [c.name, c.type, c.primaryKey, c.autoincrement])).toEqual([
      ["id", "integer", true, true],
      ["name", "varchar", false, false],
      ["age", "integer", false, false],
      ["role", "varchar", false, false],
      ["code", "varchar(20)", false, false],
    ]);
  });

  it("reads a column's unnamed CHECK, as TypeORM writes enums", () => {
    expect(users.columns[3]?.checks).toEqual([{ name: null, expression: `"role" IN ('a', 'b')` }]);
  });

  it("reads named table constraints", () => {
    expect(users.uniques).toEqual([{ name: "UQ_97672ac88f789774dd47f7c8be3", columns: ["name"] }]);
    expect(users.checks).toEqual([{ name: "CHK_age", expression: `"age" > 0` }]);
  });

  it("reads the same check expression whatever its spacing", () => {
    const tight = parseCreateTable(
      `CREATE TABLE t (r varchar, CONSTRAINT c CHECK("r" IN('a','b')))`,
    );
    const loose = parseCreateTable(
      `CREATE TABLE t (r varchar, CONSTRAINT c CHECK ( "r" IN ( 'a' , 'b' ) ))`,
    );
    expect(tight?.checks).toEqual(loose?.checks);
  });

  it("reads foreign keys with their actions, on the table and on a column", () => {
    const posts = parseCreateTable(
      `CREATE TABLE "posts" ("id" varchar PRIMARY KEY NOT NULL, "authorId" integer REFERENCES users(id) ON DELETE SET NULL, CONSTRAINT "FK_c5" FOREIGN KEY ("authorId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    )!;
    expect(posts.foreignKeys).toEqual([
      {
        name: "FK_c5",
        columns: ["authorId"],
        table: "users",
        referencedColumns: ["id"],
        onDelete: "CASCADE",
        onUpdate: "NO ACTION",
        deferrable: null,
      },
    ]);
    expect(posts.columns[1]?.references).toMatchObject({ table: "users", onDelete: "SET NULL" });
  });

  it("reads quoted names with doubled quotes, brackets and backticks", () => {
    const odd = parseCreateTable('CREATE TABLE "we""ird" ("a""b" text, [c d] int, `e` real)')!;
    expect(odd.columns.map((c) => c.name)).toEqual(['a"b', "c d", "e"]);
  });

  it("answers null for what is not a CREATE TABLE", () => {
    expect(parseCreateTable("CREATE VIRTUAL TABLE t USING fts5(x)")).toBeNull();
    expect(parseCreateTable("SELECT 1")).toBeNull();
  });
});
