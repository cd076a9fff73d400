import { RevisionError } from "../../src/errors";
import {
  AmbiguousRevisionError,
  headsAt,
  MultipleHeadsError,
  resolveTarget,
  UnknownRevisionError,
} from "../../src/revisions";
import { dependsAcross, graphOf, rev, threeWayMerge } from "./fixtures";

/**
 * aaaa00000001 -> bbbb00000001 -> cccc00000001 (label auth) -> cccc00000002
 *                              -> dddd00000001 (label billing) -> dddd00000002
 */
const graph = graphOf(
  rev("aaaa00000001"),
  rev("bbbb00000001", "aaaa00000001"),
  rev("cccc00000001", "bbbb00000001", { branchLabels: ["auth"] }),
  rev("cccc00000002", "cccc00000001"),
  rev("dddd00000001", "bbbb00000001", { branchLabels: ["billing"] }),
  rev("dddd00000002", "dddd00000001"),
);
const both = ["cccc00000002", "dddd00000002"];
const at = (...revisions: string[]) => ({ kind: "at", revisions });
const before = (revision: string) => ({ kind: "before", revision });

describe("resolveTarget", () => {
  it.each<[string, string[] | undefined, object]>([
    ["heads", undefined, at(...both)],
    ["base", undefined, { kind: "base" }],
    ["bbbb00000001", undefined, at("bbbb00000001")],
    ["bbbb", undefined, at("bbbb00000001")],
    ["aaaa0", undefined, at("aaaa00000001")],
    ["auth", undefined, at("cccc00000001")],
    ["auth@head", undefined, at("cccc00000002")],
    ["dddd00000001@head", undefined, at("dddd00000002")],
    ["billing@base", undefined, before("dddd00000001")],
    ["current", ["cccc00000002"], at("cccc00000002")],
    ["+1", [], at("aaaa00000001")],
    ["+2", [], at("bbbb00000001")],
    ["+1", ["cccc00000001"], at("cccc00000002")],
    ["auth@+3", [], at("cccc00000001")],
    ["auth@+1", ["dddd00000002"], at("cccc00000001")],
    ["auth@+1", ["cccc00000001", "dddd00000002"], at("cccc00000002")],
    ["-1", ["cccc00000002"], before("cccc00000002")],
    ["-3", ["cccc00000002"], before("bbbb00000001")],
    ["-4", ["cccc00000002"], before("aaaa00000001")],
    ["billing@-1", both, before("dddd00000002")],
    ["auth@head-1", undefined, before("cccc00000002")],
    ["cccc00000002-2", undefined, before("cccc00000001")],
    ["cccc00000001+1", undefined, at("cccc00000002")],
    ["auth+1", undefined, at("cccc00000002")],
    ["base+2", undefined, at("bbbb00000001")],
  ])("resolves %j (current %j)", (target, current, expected) => {
    expect(resolveTarget(graph, target, current)).toEqual(expected);
  });

  it("refuses 'head' when there are several heads, naming them", () => {
    const attempt = () => resolveTarget(graph, "head");
    expect(attempt).toThrow(MultipleHeadsError);
    expect(attempt).toThrow("multiple heads: cccc00000002, dddd00000002; use 'heads' or merge");
    expect(attempt).toThrow(RevisionError);
  });

  it("refuses head-N when there are several heads", () => {
    expect(() => resolveTarget(graph, "head-1")).toThrow(
      "multiple heads: cccc00000002, dddd00000002",
    );
  });

  it("refuses REV@head when several heads grow above the revision", () => {
    expect(() => resolveTarget(graph, "bbbb@head")).toThrow(
      "multiple heads on branch bbbb: cccc00000002, dddd00000002",
    );
  });

  it("lists the candidates of an ambiguous prefix", () => {
    const attempt = () => resolveTarget(graph, "cccc");
    expect(attempt).toThrow(AmbiguousRevisionError);
    expect(attempt).toThrow(
      "'cccc' is ambiguous: it starts 2 revisions (cccc00000001, cccc00000002)",
    );
  });

  it("names an unknown revision", () => {
    expect(() => resolveTarget(graph, "eeee")).toThrow(UnknownRevisionError);
    expect(() => resolveTarget(graph, "eeee")).toThrow("no revision matches 'eeee'");
  });

  it("refuses partial ids shorter than four characters", () => {
    const attempt = () => resolveTarget(graph, "bbb");
    expect(attempt).toThrow("no revision or branch label is named 'bbb'");
    try {
      attempt();
    } catch (error) {
      expect((error as RevisionError).hint).toBe("partial revision ids need at least 4 characters");
    }
  });

  it("refuses a relative step from several current heads", () => {
    expect(() => resolveTarget(graph, "-1", both)).toThrow(
      "'-1' is ambiguous: the database has several heads: cccc00000002, dddd00000002",
    );
    expect(() => resolveTarget(graph, "+1", both)).toThrow(MultipleHeadsError);
  });

  it("refuses a step up at a branch point, naming the candidates", () => {
    expect(() => resolveTarget(graph, "+3", [])).toThrow(
      "'+3' is ambiguous: bbbb00000001 is followed by cccc00000001, dddd00000001",
    );
    expect(() => resolveTarget(graph, "bbbb+1")).toThrow(
      "is followed by cccc00000001, dddd00000001",
    );
  });

  it("refuses a step past the head", () => {
    expect(() => resolveTarget(graph, "cccc00000002+1")).toThrow(
      "'cccc00000002+1' walks past the head: nothing follows cccc00000002, 0 of 1 steps up",
    );
    expect(() => resolveTarget(graph, "+2", ["cccc00000001"])).toThrow("walks past the head");
  });

  it("refuses a step below base", () => {
    expect(() => resolveTarget(graph, "-5", ["cccc00000002"])).toThrow(
      "'-5' goes below base: aaaa00000001 is a base, 4 of 5 steps down",
    );
    expect(() => resolveTarget(graph, "-1", [])).toThrow(
      "'-1' goes below base: nothing is applied",
    );
    expect(() => resolveTarget(graph, "base-1")).toThrow("'base-1' goes below base");
  });

  it("refuses a step down through a merge, naming its parents", () => {
    expect(resolveTarget(threeWayMerge(), "m-1")).toEqual(before("m"));
    expect(() => resolveTarget(threeWayMerge(), "m-2")).toThrow(
      "'m-2' is ambiguous: m merges z, x, y",
    );
  });

  it("refuses a relative target when the database's revision is not known", () => {
    expect(() => resolveTarget(graph, "-1")).toThrow(
      "'-1' is relative to the database's current revision, which is not known here",
    );
  });

  it("refuses @base after something that is not a branch label", () => {
    expect(() => resolveTarget(graph, "bbbb00000001@base")).toThrow(
      "'bbbb00000001@base' needs a branch label before @base",
    );
  });

  it("refuses a current revision that no file defines", () => {
    expect(() => resolveTarget(graph, "heads", ["ffff00000000"])).toThrow(
      "the database is at revision ffff00000000, which no migration file defines",
    );
  });

  it("resolves head to nothing in an empty folder and head-1 to an error", () => {
    expect(resolveTarget(graphOf(), "head")).toEqual(at());
    expect(() => resolveTarget(graphOf(), "head-1")).toThrow("there are no revisions");
  });
});

describe("headsAt", () => {
  it("gives the version table rows of a database exactly at a target", () => {
    expect(headsAt(graph, "base")).toEqual([]);
    expect(headsAt(graph, "heads")).toEqual(both);
    expect(headsAt(graph, "auth@head-1")).toEqual(["cccc00000001"]);
    expect(headsAt(threeWayMerge(), "m-1")).toEqual(["x", "y", "z"]);
  });

  it("leaves out a revision that a dependent implies", () => {
    expect(headsAt(dependsAcross(), "b1")).toEqual(["b1"]);
    expect(headsAt(dependsAcross(), "b1-1")).toEqual(["a1"]);
  });
});
