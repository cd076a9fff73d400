import { branches } from "../../src/commands/branches";
import { heads, history } from "../../src/commands/inspect";
import { merge } from "../../src/commands/merge";
import { show } from "../../src/commands/show";
import { RevisionError, UsageError } from "../../src/errors";
import { commandProject, type CommandProject } from "./support/project";

const NOW = new Date("2026-11-21T22:00:00Z");

/** root -> left (which inserts rows) and root -> right (label `ui`): two heads. */
function forked(): CommandProject {
  const p = commandProject();
  p.migration({ revision: "root00000001", down: null, message: "root" });
  p.migration({
    revision: "left00000001",
    down: "root00000001",
    message: "left",
    upgrade:
      'await op.bulkInsert("roles", [{ name: "admin" }, { name: "member" }]);\n  await op.addColumn("roles", op.column("rank", "integer", { nullable: true }));',
    downgrade: 'await op.execute("DELETE FROM roles");',
  });
  p.migration({
    revision: "right0000001",
    down: "root00000001",
    message: "right",
    branchLabels: ["ui"],
  });
  return p;
}

let p: CommandProject;
afterEach(() => p.remove());

describe("merge", () => {
  it("merges every head by default into one revision with empty steps", async () => {
    p = forked();
    const ctx = p.context();
    const result = await merge(ctx, { message: "join them", revId: "join00000001", now: NOW });

    expect(result.parents).toEqual(["left00000001", "right0000001"]);
    expect(ctx.out.stdout).toEqual(["migrations/join00000001_join_them.ts"]);
    const text = p.read("migrations/join00000001_join_them.ts");
    expect(text).toContain(
      'export const downRevision: string[] = ["left00000001", "right0000001"];',
    );
    expect(text).toContain(" * Revises: left00000001, right0000001");
    expect(text).toContain(" * - merges left00000001, right0000001");
    expect(await heads(p.context())).toEqual(["join00000001"]);
  });

  it("merges the revisions named, by partial id or label, in the order given", async () => {
    p = forked();
    const result = await merge(p.context(), {
      message: "m",
      revisions: ["ui", "left"],
      revId: "join00000001",
      branchLabels: ["joined"],
    });

    expect(result.parents).toEqual(["right0000001", "left00000001"]);
    const text = p.read("migrations/join00000001_m.ts");
    expect(text).toContain(
      'export const downRevision: string[] = ["right0000001", "left00000001"];',
    );
    expect(text).toContain('export const branchLabels: string[] = ["joined"];');
  });

  it("refuses when there is one head, and writes nothing", async () => {
    p = commandProject();
    p.migration({ revision: "root00000001", down: null });

    await expect(merge(p.context(), { message: "m" })).rejects.toThrow(
      "there is nothing to merge: root00000001 is the only head",
    );
    expect(p.migrationFiles()).toEqual(["root00000001.ts"]);
  });

  it("refuses to merge a revision with one of its own ancestors", async () => {
    p = forked();
    const attempt = merge(p.context(), { message: "m", revisions: ["left", "root"] });

    await expect(attempt).rejects.toThrow(RevisionError);
    await expect(merge(p.context(), { message: "m", revisions: ["left", "root"] })).rejects.toThrow(
      "cannot merge left00000001, root00000001: root00000001 is already below left00000001",
    );
  });

  it("refuses a branch label already taken, before writing the file", async () => {
    p = forked();
    const attempt = merge(p.context(), {
      message: "m",
      branchLabels: ["ui"],
      revId: "join00000001",
    });

    await expect(attempt).rejects.toThrow(/branch label 'ui' is declared by both/);
    expect(p.migrationFiles()).not.toContain("join00000001_m.ts");
  });

  it("refuses an id that is already a revision, as a usage error", async () => {
    p = forked();
    await expect(merge(p.context(), { message: "m", revId: "left00000001" })).rejects.toThrow(
      UsageError,
    );
  });
});

describe("branches", () => {
  it("lists each branch point with the branches that leave it and their heads", async () => {
    p = forked();
    p.migration({ revision: "left00000002", down: "left00000001", message: "left again" });
    const ctx = p.context();
    const points = await branches(ctx);

    expect(ctx.out.stdout).toEqual([
      [
        "<base> -> root00000001 (branchpoint), root",
        "    -> left00000001, left; leads to left00000002",
        "    -> right0000001 (head) (ui), right",
      ].join("\n"),
    ]);
    expect(points[0]?.branches.map((b) => b.heads)).toEqual([["left00000002"], ["right0000001"]]);
  });

  it("prints JSON with --json, and says so when the history never forks", async () => {
    p = forked();
    const json = p.context();
    await branches(json, { json: true });
    expect(JSON.parse(json.out.stdout.join(""))).toMatchObject([
      {
        revision: "root00000001",
        branches: [{ revision: "left00000001" }, { revision: "right0000001" }],
      },
    ]);

    p.remove();
    p = commandProject();
    p.migration({ revision: "root00000001", down: null });
    const linear = p.context();
    expect(await branches(linear)).toEqual([]);
    expect(linear.out.stderr).toEqual([
      "No branch points: every revision has at most one successor.",
    ]);
  });
});

describe("show", () => {
  it("prints the header facts, the file, parents, children and a summary of both steps", async () => {
    p = forked();
    const ctx = p.context();
    await show(ctx, { revision: "left" });

    expect(ctx.out.stdout.join("\n").split("\n")).toEqual([
      "Rev: left00000001 (head)",
      "Parent: root00000001",
      "Path: migrations/left00000001.ts",
      "",
      "    left",
      "",
      "Upgrade:",
      '  inserts 2 rows into "roles"',
      '  adds column "roles"."rank"',
      "Downgrade:",
      "  WARNING: runs hand-written SQL",
    ]);
  });

  it("lists the children of a branch point and the labels of a revision", async () => {
    p = forked();
    const ctx = p.context();
    await show(ctx, { revision: "root0000" });
    await show(ctx, { revision: "ui" });

    expect(ctx.out.stdout[0]).toContain("Children: left00000001, right0000001");
    expect(ctx.out.stdout[1]).toContain("Branch labels: ui");
  });

  it("prints one object with --json, and an array for heads", async () => {
    p = forked();
    const one = p.context();
    await show(one, { revision: "left0000", json: true });
    const many = p.context();
    await show(many, { revision: "heads", json: true });

    expect(JSON.parse(one.out.stdout.join(""))).toMatchObject({
      revision: "left00000001",
      downRevisions: ["root00000001"],
      children: [],
      head: true,
      upgrade: { operations: [{ kind: "bulkInsert", table: "roles" }, { kind: "addColumn" }] },
      downgrade: { operations: [{ kind: "execute", sql: "DELETE FROM roles" }] },
    });
    expect(
      (JSON.parse(many.out.stdout.join("")) as { revision: string }[]).map((r) => r.revision),
    ).toEqual(["left00000001", "right0000001"]);
  });

  it("says why a step cannot be listed instead of failing", async () => {
    p = commandProject();
    p.migration({
      revision: "odd000000001",
      down: null,
      upgrade: 'if (op) throw new Error("needs the real database");',
    });
    const ctx = p.context();
    await show(ctx, { revision: "odd0" });

    expect(ctx.out.stdout[0]).toContain("Upgrade: cannot be listed (needs the real database)");
    expect(ctx.out.stdout[0]).toContain("Downgrade: nothing");
  });

  it("refuses an ambiguous partial id, listing the candidates", async () => {
    p = commandProject();
    p.migration({ revision: "abcd00000001", down: null });
    p.migration({ revision: "abcd00000002", down: "abcd00000001" });

    await expect(show(p.context(), { revision: "abcd" })).rejects.toThrow(
      "'abcd' is ambiguous: it starts 2 revisions (abcd00000001, abcd00000002)",
    );
  });
});

describe("heads and history", () => {
  it("heads --verbose prints each head's details", async () => {
    p = forked();
    const ctx = p.context();
    await heads(ctx, { verbose: true });

    expect(ctx.out.stdout).toHaveLength(2);
    expect(ctx.out.stdout[1]).toContain("Rev: right0000001 (head) (ui)");
    expect(ctx.out.stdout[1]).toContain("Path: migrations/right0000001.ts");
  });

  it("history --json lists every revision newest first with its graph facts", async () => {
    p = forked();
    const ctx = p.context();
    await history(ctx, { json: true });

    const list = JSON.parse(ctx.out.stdout.join("")) as { revision: string; head: boolean }[];
    expect(list.map((r) => [r.revision, r.head])).toEqual([
      ["right0000001", true],
      ["left00000001", true],
      ["root00000001", false],
    ]);
  });

  it("history -r accepts partial ids and labels at either end", async () => {
    p = forked();
    expect(await history(p.context(), { range: "root:ui" })).toEqual([
      "right0000001",
      "root00000001",
    ]);
    expect(await history(p.context(), { range: "left0000:" })).toEqual(["left00000001"]);
  });
});
