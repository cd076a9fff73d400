import { heads } from "../../src/commands/inspect";
import { revision } from "../../src/commands/revision";
import { InvalidRevisionGraphError, MultipleHeadsError } from "../../src/revisions";
import { RevisionError, UsageError } from "../../src/errors";
import { commandProject, type CommandProject } from "./support/project";

const NOW = new Date("2026-11-21T22:00:00Z");

/** root -> one, root -> two: two heads. */
function twoHeads(): CommandProject {
  const p = commandProject();
  p.migration({ revision: "root00000001", down: null });
  p.migration({ revision: "one000000001", down: "root00000001", branchLabels: ["one"] });
  p.migration({ revision: "two000000001", down: "root00000001" });
  return p;
}

let p: CommandProject;
afterEach(() => p.remove());

/** `revision --empty`: no database is needed, so these run without one. */
const empty = (extra: Parameters<typeof revision>[1]) =>
  revision(p.context(), { empty: true, now: NOW, ...extra });

describe("revision with several heads", () => {
  it("refuses without --head, naming the heads and saying to merge or choose", async () => {
    p = twoHeads();
    const attempt = empty({ message: "next" });

    await expect(attempt).rejects.toThrow(RevisionError);
    await expect(empty({ message: "next" })).rejects.toMatchObject({
      message: "the migrations have several heads (one000000001, two000000001)",
      hint: "merge them with `autogen merge`, or pick one with `--head REV`",
    });
    expect(p.migrationFiles()).toHaveLength(3);
  });

  it("builds on the head --head names, by partial id or label@head", async () => {
    p = twoHeads();
    const byId = await empty({ message: "a", head: "two0", revId: "a00000000001" });
    const byLabel = await empty({ message: "b", head: "one@head", revId: "b00000000001" });

    expect(p.read("migrations/a00000000001_a.ts")).toContain(
      'export const downRevision: string | null = "two000000001";',
    );
    expect(p.read("migrations/b00000000001_b.ts")).toContain(
      'export const downRevision: string | null = "one000000001";',
    );
    expect([byId.revision, byLabel.revision]).toEqual(["a00000000001", "b00000000001"]);
  });

  it("refuses --head heads, which names more than one revision", async () => {
    p = twoHeads();
    await expect(empty({ message: "x", head: "heads" })).rejects.toThrow(UsageError);
  });

  it("refuses --head head as ambiguous", async () => {
    p = twoHeads();
    await expect(empty({ message: "x", head: "head" })).rejects.toThrow(MultipleHeadsError);
  });
});

describe("revision --head on a revision that is not a head", () => {
  it("refuses without --splice, naming what already builds on it", async () => {
    p = twoHeads();
    await expect(empty({ message: "x", head: "root" })).rejects.toMatchObject({
      message:
        "revision root00000001 is not a head: one000000001, two000000001 already build on it",
    });
  });

  it("starts a new branch from it with --splice", async () => {
    p = twoHeads();
    await empty({ message: "third", head: "root", splice: true, revId: "c00000000001" });

    expect(await heads(p.context())).toEqual(["c00000000001", "one000000001", "two000000001"]);
  });

  it("starts an independent base with --head base", async () => {
    p = twoHeads();
    await empty({ message: "new root", head: "base", branchLabels: ["audit"], revId: "d0001" });

    const text = p.read("migrations/d0001_new_root.ts");
    expect(text).toContain("export const downRevision: string | null = null;");
    expect(text).toContain('export const branchLabels: string[] = ["audit"];');
  });
});

describe("revision --branch-label and --depends-on", () => {
  it("writes the labels and the dependencies, partial ids made full and labels kept", async () => {
    p = twoHeads();
    await empty({
      message: "x",
      head: "two000000001",
      branchLabels: ["payments", "billing", "payments"],
      dependsOn: ["one", "root0000"],
      revId: "e00000000001",
    });

    const text = p.read("migrations/e00000000001_x.ts");
    expect(text).toContain('export const branchLabels: string[] = ["payments", "billing"];');
    expect(text).toContain('export const dependsOn: string[] = ["one", "root00000001"];');
    expect(text).toContain(" * Branch labels: payments, billing");
    expect(text).toContain(" * Depends on: one, root00000001");
  });

  it("refuses a label another revision declares, or that is not a word, and writes nothing", async () => {
    p = twoHeads();
    await expect(
      empty({ message: "x", head: "two0", branchLabels: ["one"], revId: "f00000000001" }),
    ).rejects.toThrow(InvalidRevisionGraphError);
    await expect(
      empty({ message: "x", head: "two0", branchLabels: ["has space"], revId: "f00000000001" }),
    ).rejects.toThrow(/branch label 'has space' must start with a letter/);
    expect(p.migrationFiles()).toHaveLength(3);
  });

  it("refuses a dependency that names no revision", async () => {
    p = twoHeads();
    await expect(empty({ message: "x", head: "two0", dependsOn: ["nope0000"] })).rejects.toThrow(
      "no revision matches 'nope0000'",
    );
  });
});

describe("revision --rev-id", () => {
  it("refuses an id already used, and one that is not a word", async () => {
    p = twoHeads();
    await expect(empty({ message: "x", head: "two0", revId: "one000000001" })).rejects.toThrow(
      "revision one000000001 already exists.",
    );
    await expect(empty({ message: "x", revId: "a-b" })).rejects.toThrow(UsageError);
  });
});
