import { downgrade, upgrade } from "../../src/commands/migrate";
import { AutogenError } from "../../src/errors";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { commandProject, type CommandProject } from "./support/project";

let p: CommandProject;
let db: TestDatabase;

/** root creates "t"; note adds t.note, so its downgrade deletes data; comment deletes nothing. */
beforeEach(async () => {
  db = await createTestDatabase("confirm");
  p = commandProject();
  p.migration({
    revision: "root00000001",
    down: null,
    upgrade: 'await op.createTable("t", { columns: [op.column("id", "integer")] });',
    downgrade: 'await op.dropTable("t");',
  });
  p.migration({
    revision: "note00000001",
    down: "root00000001",
    upgrade: 'await op.addColumn("t", op.column("note", "text", { nullable: true }));',
    downgrade: 'await op.dropColumn("t", "note");',
  });
  p.migration({
    revision: "cmnt00000001",
    down: "note00000001",
    upgrade: 'await op.setTableComment("t", "things");',
    downgrade: 'await op.setTableComment("t", null);',
  });
  await upgrade(p.context({ DATABASE_URL: db.url }), { target: "head" });
  await db.query("INSERT INTO t (id, note) VALUES (1, 'kept')");
});
afterEach(async () => {
  p.remove();
  await db.drop();
});

const heads = async () =>
  (await db.query<{ revision: string }>("SELECT revision FROM autogen_version")).map(
    (r) => r.revision,
  );
function asking(answer: boolean) {
  const questions: string[] = [];
  const ctx = {
    ...p.context({ DATABASE_URL: db.url }),
    confirm: async (q: string) => (questions.push(q), answer),
  };
  return { ctx, questions };
}

describe("downgrade on a terminal", () => {
  it("asks before a step that deletes data, naming it, and a no changes nothing", async () => {
    await downgrade(p.context({ DATABASE_URL: db.url }), { target: "-1" });
    const { ctx, questions } = asking(false);
    const attempt = downgrade(ctx, { target: "-1" });

    await expect(attempt).rejects.toThrow(AutogenError);
    expect(questions).toHaveLength(1);
    expect(questions[0]).toContain('note00000001: drops column "t"."note" (its data is lost)');
    expect(await heads()).toEqual(["note00000001"]);
    expect(await db.query("SELECT note FROM t")).toEqual([{ note: "kept" }]);
  });

  it("asks before more than one step, and goes ahead on yes", async () => {
    const { ctx, questions } = asking(true);
    await downgrade(ctx, { target: "root00000001" });
    expect(questions[0]).toMatch(/^downgrade reverts 2 migrations \(cmnt00000001, note00000001\)/);
    expect(await heads()).toEqual(["root00000001"]);
  });

  it("asks nothing for one step that deletes nothing, nor with --yes", async () => {
    const first = asking(false);
    await downgrade(first.ctx, { target: "-1" });
    const second = asking(false);
    await downgrade(second.ctx, { target: "base", yes: true });
    expect([...first.questions, ...second.questions]).toEqual([]);
    expect(await heads()).toEqual([]);
  });

  it("without a terminal goes ahead as before", async () => {
    await downgrade(p.context({ DATABASE_URL: db.url }), { target: "base" });
    expect(await heads()).toEqual([]);
  });
});
