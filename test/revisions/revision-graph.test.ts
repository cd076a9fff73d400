import { RevisionError } from "../../src/errors";
import { UnknownRevisionError } from "../../src/revisions";
import { dependsAcross, graphOf, linear, rev, threeWayMerge, twoBranches } from "./fixtures";

describe("RevisionGraph", () => {
  it("sees a linear chain as one base, one head and no forks", () => {
    const graph = linear();
    expect(graph.heads).toEqual(["d"]);
    expect(graph.bases).toEqual(["a"]);
    expect(graph.branchPoints).toEqual([]);
    expect(graph.mergePoints).toEqual([]);
    expect(graph.topologicalOrder(graph.heads)).toEqual(["a", "b", "c", "d"]);
  });

  it("finds two heads and the branch point when two branches grow from one base", () => {
    const graph = twoBranches();
    expect(graph.heads).toEqual(["b2", "c2"]);
    expect(graph.bases).toEqual(["a"]);
    expect(graph.branchPoints).toEqual(["a"]);
    expect(graph.children("a")).toEqual(["b1", "c1"]);
  });

  it("orders a branchy history one branch at a time", () => {
    const graph = twoBranches();
    expect(graph.topologicalOrder(graph.heads)).toEqual(["a", "b1", "b2", "c1", "c2"]);
  });

  it("sees a three-way merge as one merge point with three parents in declared order", () => {
    const graph = threeWayMerge();
    expect(graph.heads).toEqual(["m"]);
    expect(graph.mergePoints).toEqual(["m"]);
    expect(graph.branchPoints).toEqual(["a"]);
    expect(graph.parents("m")).toEqual(["z", "x", "y"]);
    expect(graph.topologicalOrder(["m"])).toEqual(["a", "z", "x", "y", "m"]);
  });

  it("keeps dependsOn out of heads and bases but in ancestry and ordering", () => {
    const graph = dependsAcross();
    expect(graph.heads).toEqual(["a2", "b2"]);
    expect(graph.bases).toEqual(["a1", "b1"]);
    expect(graph.dependencies("b1")).toEqual(["a1"]);
    expect(graph.successors("a1")).toEqual(["a2", "b1"]);
    expect([...graph.closure(["b2"])].sort()).toEqual(["a1", "b1", "b2"]);
    expect(graph.topologicalOrder(["b2"])).toEqual(["a1", "b1", "b2"]);
  });

  it("resolves a dependsOn that names a branch label to the revision declaring it", () => {
    const graph = graphOf(
      rev("a1", [], { branchLabels: ["auth"] }),
      rev("b1", [], { dependsOn: ["auth"] }),
    );
    expect(graph.dependencies("b1")).toEqual(["a1"]);
  });

  it("drops a dependsOn that repeats a parent, and duplicate parents", () => {
    const graph = graphOf(rev("a"), rev("b", ["a", "a"], { dependsOn: ["a"] }));
    expect(graph.parents("b")).toEqual(["a"]);
    expect(graph.dependencies("b")).toEqual([]);
  });

  it("lists several bases when independent histories share the folder", () => {
    const graph = graphOf(rev("a1"), rev("a2", "a1"), rev("b1"), rev("b2", "b1"));
    expect(graph.bases).toEqual(["a1", "b1"]);
    expect(graph.heads).toEqual(["a2", "b2"]);
  });

  it("reduces a set of applied revisions to the rows a version table holds", () => {
    expect(threeWayMerge().tips(["a", "x", "y"])).toEqual(["x", "y"]);
    expect(dependsAcross().tips(["a1", "b1"])).toEqual(["b1"]);
  });

  it("handles an empty folder as a graph with no heads and no bases", () => {
    const graph = graphOf();
    expect(graph.heads).toEqual([]);
    expect(graph.bases).toEqual([]);
  });

  it("refuses an unknown id with a RevisionError naming it", () => {
    const graph = linear();
    expect(() => graph.get("zzz")).toThrow(UnknownRevisionError);
    expect(() => graph.get("zzz")).toThrow(RevisionError);
    expect(() => graph.get("zzz")).toThrow("zzz");
  });

  it("is frozen once built", () => {
    expect(Object.isFrozen(linear())).toBe(true);
  });

  it("walks a history of 20,000 revisions without overflowing the stack", () => {
    const infos = Array.from({ length: 20_000 }, (_, i) =>
      rev(`r${i}`, i === 0 ? [] : `r${i - 1}`),
    );
    const graph = graphOf(...infos);
    expect(graph.heads).toEqual(["r19999"]);
    expect(graph.topologicalOrder(graph.heads)).toHaveLength(20_000);
  });
});
