import { RevisionError } from "../../src/errors";
import { InvalidRevisionGraphError, RevisionGraph, type RevisionInfo } from "../../src/revisions";
import { rev } from "./fixtures";

/** Builds the graph and returns the error it must throw. */
function errorOf(...infos: RevisionInfo[]): InvalidRevisionGraphError {
  try {
    RevisionGraph.from(infos);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidRevisionGraphError);
    expect(error).toBeInstanceOf(RevisionError);
    return error as InvalidRevisionGraphError;
  }
  throw new Error("the graph was accepted");
}

describe("RevisionGraph.from refuses an inconsistent folder", () => {
  it("names both files when two define the same revision id", () => {
    const error = errorOf(rev("a"), rev("a", [], { file: "migrations/a_copy.ts" }));
    expect(error.message).toBe(
      "revision a is defined twice: in migrations/a.ts and in migrations/a_copy.ts",
    );
    expect(error.files).toEqual(["migrations/a.ts", "migrations/a_copy.ts"]);
    expect(error.code).toBe("revision");
  });

  it("names the file of a revision that lists itself as its downRevision", () => {
    expect(errorOf(rev("a", "a")).message).toBe("a (migrations/a.ts) lists itself in downRevision");
  });

  it("names the file of a revision that depends on itself, even through its own label", () => {
    expect(errorOf(rev("a", [], { dependsOn: ["a"] })).message).toBe(
      "a (migrations/a.ts) lists itself in dependsOn",
    );
    expect(errorOf(rev("a", [], { branchLabels: ["me"], dependsOn: ["me"] })).message).toBe(
      "a (migrations/a.ts) lists itself in dependsOn",
    );
  });

  it("names the file and the missing id for a dangling downRevision", () => {
    const error = errorOf(rev("a"), rev("b", "gone"));
    expect(error.message).toBe(
      "b (migrations/b.ts) revises 'gone', which no migration file defines",
    );
    expect(error.files).toEqual(["migrations/b.ts"]);
  });

  it("names the file and the missing name for a dangling dependsOn", () => {
    expect(errorOf(rev("a", [], { dependsOn: ["nowhere"] })).message).toBe(
      "a (migrations/a.ts) depends on 'nowhere', which is neither a revision nor a branch label",
    );
  });

  it("reports every dangling reference at once", () => {
    const error = errorOf(rev("a", "x"), rev("b", "y"));
    expect(error.message).toBe(
      "2 problems in the migrations folder: a (migrations/a.ts) revises 'x', which no migration file defines; " +
        "b (migrations/b.ts) revises 'y', which no migration file defines",
    );
    expect(error.problems).toHaveLength(2);
    expect(error.files).toEqual(["migrations/a.ts", "migrations/b.ts"]);
  });

  it("draws a cycle through every revision and file on it", () => {
    const error = errorOf(rev("a", "c"), rev("b", "a"), rev("c", "b"), rev("d"));
    expect(error.message).toBe(
      "the revisions form a cycle, each one following the next: " +
        "a (migrations/a.ts) -> c (migrations/c.ts) -> b (migrations/b.ts) -> a (migrations/a.ts)",
    );
    expect(error.files).toEqual(["migrations/a.ts", "migrations/c.ts", "migrations/b.ts"]);
  });

  it("finds a cycle that only closes through dependsOn", () => {
    const error = errorOf(rev("a", [], { dependsOn: ["b"] }), rev("b", "a"));
    expect(error.message).toContain(
      "a (migrations/a.ts) -> b (migrations/b.ts) -> a (migrations/a.ts)",
    );
  });

  it("names both declaring revisions when two declare the same branch label", () => {
    const error = errorOf(
      rev("a", [], { branchLabels: ["auth"] }),
      rev("b", "a", { branchLabels: ["auth"] }),
    );
    expect(error.message).toBe(
      "branch label 'auth' is declared by both a (migrations/a.ts) and b (migrations/b.ts)",
    );
    expect(error.files).toEqual(["migrations/a.ts", "migrations/b.ts"]);
  });

  it("refuses a branch label that is also a revision id", () => {
    expect(errorOf(rev("a"), rev("b", "a", { branchLabels: ["a"] })).message).toBe(
      "b (migrations/b.ts): branch label 'a' is also the id of revision a (migrations/a.ts)",
    );
  });

  it.each(["head", "base", "my-branch", "v1.2", "2fast", "a@b"])(
    "refuses the branch label %j, which a target could not name",
    (label) => {
      expect(errorOf(rev("a", [], { branchLabels: [label] })).message).toContain(
        `a (migrations/a.ts): branch label '${label}' must start with a letter or underscore`,
      );
    },
  );

  it.each(["heads", "current", "abc-1", "a:b", ""])("refuses the revision id %j", (id) => {
    expect(errorOf(rev(id)).message).toContain(
      `migrations/${id}.ts: revision id '${id}' must be letters`,
    );
  });

  it("gives a hint pointing at the files", () => {
    expect(errorOf(rev("a", "x")).hint).toContain("fix the migration files");
  });
});
