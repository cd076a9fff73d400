import { MultipleHeadsError, planUpgrade, RevisionGraph } from "../../src/revisions";
import {
  dependsAcross,
  linear,
  playVersionChanges,
  stepsOf,
  threeWayMerge,
  twoBranches,
} from "./fixtures";

describe("planUpgrade", () => {
  it("applies a linear chain from base, each step replacing the previous row", () => {
    const plan = planUpgrade(linear(), [], "head");
    expect(stepsOf(plan)).toEqual([
      ["a", [], ["a"]],
      ["b", ["a"], ["b"]],
      ["c", ["b"], ["c"]],
      ["d", ["c"], ["d"]],
    ]);
    expect(plan.every((step) => step.direction === "upgrade")).toBe(true);
    expect(playVersionChanges([], plan)).toEqual(["d"]);
  });

  it("applies only what is missing from the current revision", () => {
    expect(stepsOf(planUpgrade(linear(), ["b"], "head"))).toEqual([
      ["c", ["b"], ["c"]],
      ["d", ["c"], ["d"]],
    ]);
  });

  it("plans nothing when the target is already applied, or behind", () => {
    expect(planUpgrade(linear(), ["d"], "head")).toEqual([]);
    expect(planUpgrade(linear(), ["d"], "b")).toEqual([]);
  });

  it("applies +N relative to the current revision", () => {
    expect(stepsOf(planUpgrade(linear(), ["b"], "+1"))).toEqual([["c", ["b"], ["c"]]]);
    expect(stepsOf(planUpgrade(linear(), [], "+2")).map(([id]) => id)).toEqual(["a", "b"]);
  });

  it("refuses 'head' when two branches have heads, naming both", () => {
    const attempt = () => planUpgrade(twoBranches(), [], "head");
    expect(attempt).toThrow(MultipleHeadsError);
    expect(attempt).toThrow("multiple heads: b2, c2; use 'heads' or merge");
  });

  it("applies every branch for 'heads', the branch point's row becoming two", () => {
    const plan = planUpgrade(twoBranches(), [], "heads");
    expect(stepsOf(plan)).toEqual([
      ["a", [], ["a"]],
      ["b1", ["a"], ["b1"]],
      ["b2", ["b1"], ["b2"]],
      ["c1", [], ["c1"]],
      ["c2", ["c1"], ["c2"]],
    ]);
    expect(plan[3]?.headsAfter).toEqual(["b2", "c1"]);
    expect(playVersionChanges([], plan)).toEqual(["b2", "c2"]);
  });

  it("upgrades one branch by its label, leaving the other branch's row alone", () => {
    expect(stepsOf(planUpgrade(twoBranches(), ["b2"], "feature@head"))).toEqual([
      ["c1", [], ["c1"]],
      ["c2", ["c1"], ["c2"]],
    ]);
  });

  it("replaces every parent's row by the merge's in a three-way merge", () => {
    const plan = planUpgrade(threeWayMerge(), [], "head");
    expect(stepsOf(plan)).toEqual([
      ["a", [], ["a"]],
      ["z", ["a"], ["z"]],
      ["x", [], ["x"]],
      ["y", [], ["y"]],
      ["m", ["x", "y", "z"], ["m"]],
    ]);
    expect(playVersionChanges([], plan)).toEqual(["m"]);
  });

  it("finishes the other branches of a merge when one of them is current", () => {
    const plan = planUpgrade(threeWayMerge(), ["x"], "head");
    expect(stepsOf(plan)).toEqual([
      ["z", [], ["z"]],
      ["y", [], ["y"]],
      ["m", ["x", "y", "z"], ["m"]],
    ]);
  });

  it("applies a dependency from another branch first, its row then implied by the dependent", () => {
    const plan = planUpgrade(dependsAcross(), [], "b2");
    expect(stepsOf(plan)).toEqual([
      ["a1", [], ["a1"]],
      ["b1", ["a1"], ["b1"]],
      ["b2", ["b1"], ["b2"]],
    ]);
    expect(stepsOf(planUpgrade(dependsAcross(), ["b2"], "heads"))).toEqual([["a2", [], ["a2"]]]);
  });

  it("gives the same plan however the files were listed", () => {
    const infos = twoBranches().ids.map((id) => twoBranches().get(id));
    const order = (graph: RevisionGraph) =>
      planUpgrade(graph, [], "heads").map((step) => step.revision.revision);
    expect(order(RevisionGraph.from([...infos].reverse()))).toEqual(
      order(RevisionGraph.from(infos)),
    );
  });

  it("cleans up rows made redundant by a hand-edited version table", () => {
    expect(stepsOf(planUpgrade(linear(), ["a", "b"], "c"))).toEqual([["c", ["a", "b"], ["c"]]]);
  });

  it("refuses a current revision that no file defines", () => {
    expect(() => planUpgrade(linear(), ["zz"], "head")).toThrow(
      "the database is at revision zz, which no migration file defines",
    );
  });
});
