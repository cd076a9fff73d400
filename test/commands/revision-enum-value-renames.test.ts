import { downgrade, upgrade } from "../../src/commands/migrate";
import { revision } from "../../src/commands/revision";
import { RevisionError } from "../../src/errors";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { entityProject, type CommandProject } from "./support/project";

const NOW = new Date("2026-11-21T22:00:00Z");
const RENAME = {
  tables: [],
  columns: [],
  enumValues: [{ schema: "public", type: "posts_status_enum", from: "live", to: "published" }],
};

/** Entities whose enum says `published` where the database's type says `live`. */
function relabelledProject(autogen: Record<string, unknown> = {}): CommandProject {
  return entityProject(
    "post",
    [
      `import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";`,
      `@Entity("posts")`,
      `export class Post {`,
      `  @PrimaryGeneratedColumn() id!: number;`,
      `  @Column({ type: "enum", enum: ["draft", "published"], default: "published" }) status!: string;`,
      `}`,
    ],
    autogen,
  );
}

let p: CommandProject;
let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase("relabel");
  await db.query(
    `CREATE TYPE posts_status_enum AS ENUM ('draft', 'live');
     CREATE TABLE posts (id serial CONSTRAINT "PK_2829ac61eff60fcec60d7274b9e" PRIMARY KEY,
       status posts_status_enum NOT NULL DEFAULT 'live');
     INSERT INTO posts (status) VALUES ('live'), ('draft'), ('live')`,
  );
});
afterEach(async () => {
  p.remove();
  await db.drop();
});

const env = () => ({ DATABASE_URL: db.url });
const statuses = async () =>
  (await db.query<{ s: string }>("SELECT status::text AS s FROM posts ORDER BY id")).map(
    (r) => r.s,
  );

describe("revision and renamed enum labels", () => {
  it("without a terminal, refuses the swapped label and prints the flag that renames it", async () => {
    p = relabelledProject();
    await expect(
      revision(p.context(env()), { message: "relabel", now: NOW, revId: "e00000000001" }),
    ).rejects.toMatchObject({
      constructor: RevisionError,
      message: expect.stringContaining(
        `enum "posts_status_enum" loses the label 'live' and gains 'published' in its place`,
      ) as unknown,
      hint: expect.stringContaining(
        "--rename-enum-value posts_status_enum.live=published",
      ) as unknown,
    });
    expect(p.migrationFiles()).toEqual([]);
  });

  it("with the flag writes one op.renameEnumValue each way; every row keeps its value", async () => {
    p = relabelledProject();
    const result = await revision(p.context(env()), {
      message: "relabel",
      now: NOW,
      revId: "e00000000001",
      renames: RENAME,
    });
    expect(result.operations.map((op) => op.kind)).toEqual(["renameEnumValue"]);
    const text = p.read("migrations/e00000000001_relabel.ts");
    expect(text).toMatch(/op\.renameEnumValue\("posts_status_enum", "live", "published"\)/);
    expect(text).toMatch(/op\.renameEnumValue\("posts_status_enum", "published", "live"\)/);

    await upgrade(p.context(env()), { target: "head" });
    expect(await statuses()).toEqual(["published", "draft", "published"]);
    const [column] = await db.query<{ d: string }>(
      "SELECT column_default AS d FROM information_schema.columns WHERE table_name = 'posts' AND column_name = 'status'",
    );
    expect(column?.d).toBe("'published'::posts_status_enum");
    await downgrade(p.context(env()), { target: "base" });
    expect(await statuses()).toEqual(["live", "draft", "live"]);
  });

  it("takes the rename from the config's renameEnumValues hint", async () => {
    p = relabelledProject({ renameEnumValues: { "posts_status_enum.live": "published" } });
    const result = await revision(p.context(env()), {
      message: "relabel",
      now: NOW,
      revId: "e00000000001",
    });
    expect(result.operations.map((op) => op.kind)).toEqual(["renameEnumValue"]);
  });

  it("refuses a flag that names no removed label, naming the flag", async () => {
    p = relabelledProject();
    const wrong = { ...RENAME, enumValues: [{ ...RENAME.enumValues[0]!, from: "gone" }] };
    await expect(
      revision(p.context(env()), { message: "x", now: NOW, revId: "e00000000001", renames: wrong }),
    ).rejects.toThrow("--rename-enum-value posts_status_enum.gone=published names no enum label");
  });
});
