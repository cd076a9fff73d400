import { diff } from "../../src/commands/check";
import { downgrade, upgrade } from "../../src/commands/migrate";
import { revision } from "../../src/commands/revision";
import { RevisionError } from "../../src/errors";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { entityProject, type CommandProject } from "./support/project";

const NOW = new Date("2026-11-21T22:00:00Z");
const RENAME = {
  tables: [],
  columns: [{ schema: "public", table: "users", from: "fullname", to: "full_name" }],
};

/** A project whose entity calls the column `full_name`, over a database that calls it `fullname`. */
function renamedProject(autogen: Record<string, unknown> = {}): CommandProject {
  return entityProject(
    "user",
    [
      `import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";`,
      `@Entity("users")`,
      `export class User {`,
      `  @PrimaryGeneratedColumn() id!: number;`,
      `  @Column({ type: "varchar", nullable: true }) full_name!: string | null;`,
      `}`,
    ],
    autogen,
  );
}

let p: CommandProject;
let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase("renames");
  await db.query(
    `CREATE TABLE users (id serial CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY, fullname varchar);
     INSERT INTO users (fullname) VALUES ('Ada Lovelace'), (NULL), ('Bob')`,
  );
});
afterEach(async () => {
  p.remove();
  await db.drop();
});

const env = () => ({ DATABASE_URL: db.url });
const names = async () =>
  (await db.query<{ v: string | null }>("SELECT fullname AS v FROM users ORDER BY id")).map(
    (r) => r.v,
  );

describe("revision and renames", () => {
  it("without a terminal, refuses a plausible rename and prints the flag that takes it", async () => {
    p = renamedProject();
    const attempt = revision(p.context(env()), {
      message: "rename",
      now: NOW,
      revId: "r00000000001",
    });

    await expect(attempt).rejects.toThrow(RevisionError);
    await expect(
      revision(p.context(env()), { message: "rename", now: NOW, revId: "r00000000001" }),
    ).rejects.toMatchObject({
      message: expect.stringContaining(
        '"users"."fullname" is dropped and "full_name" added',
      ) as unknown,
      hint: expect.stringContaining("--rename users.fullname=full_name") as unknown,
    });
    expect(p.migrationFiles()).toEqual([]);
  });

  it("with --rename writes one op.renameColumn that keeps every row, and the downgrade renames back", async () => {
    p = renamedProject();
    const result = await revision(p.context(env()), {
      message: "rename",
      now: NOW,
      revId: "r00000000001",
      renames: RENAME,
    });
    const text = p.read("migrations/r00000000001_rename.ts");
    expect(result.operations.map((op) => op.kind)).toEqual(["renameColumn"]);
    expect(text).toContain('await op.renameColumn("users", "fullname", "full_name");');
    expect(text).toContain('await op.renameColumn("users", "full_name", "fullname");');

    await upgrade(p.context(env()), { target: "head" });
    expect(
      (await db.query<{ v: string | null }>("SELECT full_name AS v FROM users ORDER BY id")).map(
        (r) => r.v,
      ),
    ).toEqual(["Ada Lovelace", null, "Bob"]);
    await downgrade(p.context(env()), { target: "base" });
    expect(await names()).toEqual(["Ada Lovelace", null, "Bob"]);
  });

  it("takes the rename from the config's renames hint", async () => {
    p = renamedProject({ renames: { "users.fullname": "full_name" } });
    const result = await revision(p.context(env()), {
      message: "rename",
      now: NOW,
      revId: "r00000000001",
    });
    expect(result.operations.map((op) => op.kind)).toEqual(["renameColumn"]);
  });

  it("takes the rename when the person at the terminal says so, and drops and adds when they say no", async () => {
    p = renamedProject();
    const questions: string[] = [];
    const yes = { ...p.context(env()), confirm: async (q: string) => (questions.push(q), true) };
    const taken = await revision(yes, { message: "yes", now: NOW, revId: "r00000000001" });
    expect(questions).toEqual([
      '"users"."fullname" is dropped and "full_name" added: is it a rename (keeps the data)?',
    ]);
    expect(taken.operations.map((op) => op.kind)).toEqual(["renameColumn"]);

    // The answer was only a file: a second project over the same database asks again.
    p.remove();
    p = renamedProject();
    const no = { ...p.context(env()), confirm: async () => false };
    const refused = await revision(no, { message: "no", now: NOW, revId: "r00000000002" });
    expect(refused.operations.map((op) => op.kind)).toEqual(["addColumn", "dropColumn"]);
  });

  it("with --no-renames writes the drop and the add, as asked", async () => {
    p = renamedProject();
    const result = await revision(p.context(env()), {
      message: "swap",
      now: NOW,
      revId: "r00000000001",
      noRenames: true,
    });
    expect(result.operations.map((op) => op.kind)).toEqual(["addColumn", "dropColumn"]);
  });

  it("refuses a --rename that matches no dropped column, naming the flag", async () => {
    p = renamedProject();
    const wrong = {
      tables: [],
      columns: [{ schema: "public", table: "users", from: "nickname", to: "full_name" }],
    };
    await expect(
      revision(p.context(env()), { message: "x", now: NOW, revId: "r00000000001", renames: wrong }),
    ).rejects.toMatchObject({
      message: expect.stringContaining(
        "--rename users.nickname=full_name names no column",
      ) as unknown,
    });
  });

  it("diff shows the pair as a possible rename with its flag, and the hazards both ways with row counts", async () => {
    p = renamedProject();
    const ctx = p.context(env());
    await diff(ctx);
    expect(ctx.out.stdout).toContain(
      "-- possibly a rename: fullname -> full_name (--rename users.fullname=full_name)",
    );
    expect(ctx.out.stdout).toContain('-- upgrade: deletes data in "users" (~3 rows)');
    expect(ctx.out.stdout).toContain('-- WARNING: downgrade: deletes data in "users" (~3 rows)');
  });

  it("writes the rename's hazards into the header: old code breaks, no data is lost", async () => {
    p = renamedProject();
    await revision(p.context(env()), {
      message: "rename",
      now: NOW,
      revId: "r00000000001",
      renames: RENAME,
    });
    const text = p.read("migrations/r00000000001_rename.ts");
    expect(text).toContain(
      ' * - upgrade: breaks application code still using the old schema of "users" (~3 rows)',
    );
    expect(text).not.toContain("deletes data");
  });
});
