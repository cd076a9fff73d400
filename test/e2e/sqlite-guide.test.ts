import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { project, type Project } from "./project";

const GUIDE_FIXTURE = join(__dirname, "fixtures", "sqlite-guide");

/** The guide's `users` entity with the `age` column the guide adds next. */
const USER_WITH_AGE = `import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

@Entity("users")
export class User {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column()
  name!: string;

  @Column({ unique: true })
  email!: string;

  @Column()
  password!: string;

  @Column({ nullable: true })
  age!: number;
}
`;

/**
 * The guide's example, on a SQLite file through the binary: no server, the DataSource of
 * type better-sqlite3 names the file. Each step is one of the guide's commands, in order.
 */
describe("the guide's users example on a SQLite file", () => {
  let p: Project;
  const db = () => new BetterSqlite3(join(p.dir, "app.db"), { readonly: true });
  const query = (sql: string) => {
    const d = db();
    try {
      return d.prepare(sql).all();
    } finally {
      d.close();
    }
  };
  const columnsOf = (table: string) =>
    (query(`SELECT name FROM pragma_table_info('${table}')`) as { name: string }[]).map(
      (r) => r.name,
    );
  const migration = (suffix: string) => {
    const file = readdirSync(join(p.dir, "migrations")).find((f) => f.endsWith(suffix));
    return readFileSync(join(p.dir, "migrations", file ?? "missing"), "utf8");
  };

  beforeAll(() => {
    p = project(GUIDE_FIXTURE, null);
  });
  afterAll(() => p.remove());

  it("writes the first revision creating users with its unique email", async () => {
    const result = await p.run(["revision", "-m", "create users"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const file = migration("_create_users.ts");
    expect(file).toContain('await op.createTable("users", {');
    expect(file).toContain(
      'uniques: [{ name: "UQ_97672ac88f789774dd47f7c8be3", columns: ["email"] }]',
    );
  });

  it("upgrades the file, after which check is clean and current names the head", async () => {
    expect((await p.run(["upgrade"])).code).toBe(0);
    expect(columnsOf("users")).toEqual(["id", "name", "email", "password"]);
    const check = await p.run(["check"]);
    expect(check.stderr).toContain("No changes detected");
    expect(check.code).toBe(0);
    expect((await p.run(["current"])).stdout).toMatch(/^[0-9a-f]{12} \(head\)$/m);
  });

  it("adds age in place with a second revision and upgrade, keeping the rows", async () => {
    const d = new BetterSqlite3(join(p.dir, "app.db"));
    d.prepare(
      `INSERT INTO users (name, email, password) VALUES ('Ada', 'ada@example.com', 'x')`,
    ).run();
    d.close();
    p.write("entities/user.ts", USER_WITH_AGE);
    expect((await p.run(["revision", "-m", "add age"])).code).toBe(0);
    const file = migration("_add_age.ts");
    expect(file).toContain(
      'await op.addColumn("users", op.column("age", "integer", { nullable: true }));',
    );
    expect(file).toContain('await op.dropColumn("users", "age");');
    expect((await p.run(["upgrade"])).code).toBe(0);
    expect(columnsOf("users")).toEqual(["id", "name", "email", "password", "age"]);
    expect(query("SELECT name, age FROM users")).toEqual([{ name: "Ada", age: null }]);
    expect((await p.run(["check"])).code).toBe(0);
  });

  it("lists the history and the one head", async () => {
    const history = await p.run(["history"]);
    expect(history.stdout).toMatch(
      /-> [0-9a-f]{12} \(head\), add age\n<base> -> [0-9a-f]{12}, create users/,
    );
    expect((await p.run(["heads"])).stdout.trim().split("\n")).toHaveLength(1);
  });

  it("downgrades -1 by dropping age, then to base leaving only the version tables", async () => {
    expect((await p.run(["downgrade", "-1"])).code).toBe(0);
    expect(columnsOf("users")).toEqual(["id", "name", "email", "password"]);
    expect(query("SELECT name FROM users")).toEqual([{ name: "Ada" }]);
    expect((await p.run(["downgrade", "base"])).code).toBe(0);
    const tables = query(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    );
    expect(tables).toEqual([{ name: "autogen_version" }, { name: "autogen_version_history" }]);
    expect((await p.run(["current"])).stderr).toContain("is at base");
  });

  it("stamps head without running anything, and back to base", async () => {
    expect((await p.run(["stamp", "head"])).code).toBe(0);
    expect(query("SELECT name FROM sqlite_master WHERE name = 'users'")).toEqual([]);
    expect((await p.run(["current"])).stdout).toContain("(head)");
    expect((await p.run(["stamp", "base"])).code).toBe(0);
  });

  it("prints an upgrade script that SQLite runs to the same schema", async () => {
    const script = await p.run(["upgrade", "--sql"]);
    expect(script.code).toBe(0);
    expect(script.stdout).toContain("PRAGMA foreign_keys = OFF;");
    expect(script.stdout).toContain('ALTER TABLE "users" ADD COLUMN "age" integer;');
    const fresh = new BetterSqlite3(":memory:");
    fresh.exec(script.stdout);
    const columns = fresh.prepare(`SELECT name FROM pragma_table_info('users')`).all();
    expect(columns).toHaveLength(5);
    expect(fresh.prepare("SELECT count(*) AS n FROM autogen_version").get()).toEqual({ n: 1 });
    fresh.close();
  });
});
