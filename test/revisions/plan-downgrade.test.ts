import { RevisionError } from "../../src/errors";
import { planDowngrade } from "../../src/revisions";
import {
  dependsAcross,
  linear,
  playVersionChanges,
  stepsOf,
  threeWayMerge,
  twoBranches,
} from "./fixtures";

describe("planDowngrade", () => {
  it("reverts a linear chain newest first, each step putting the parent's row back", () => {
    const plan = planDowngrade(linear(), ["d"], "base");
    expect(stepsOf(plan)).toEqual([
      ["d", ["d"], ["c"]],
      ["c", ["c"], ["b"]],
      ["b", ["b"], ["a"]],
      ["a", ["a"], []],
    ]);
    expect(plan.every((step) => step.direction === "downgrade")).toBe(true);
    expect(playVersionChanges(["d"], plan)).toEqual([]);
  });

  it("reverts -N revisions from the current one", () => {
    expect(stepsOf(planDowngrade(linear(), ["d"], "-1"))).toEqual([["d", ["d"], ["c"]]]);
    expect(stepsOf(planDowngrade(linear(), ["d"], "-2")).map(([id]) => id)).toEqual(["d", "c"]);
    expect(stepsOf(planDowngrade(linear(), ["d"], "-4")).map(([id]) => id)).toEqual([
      "d",
      "c",
      "b",
      "a",
    ]);
  });

  it("refuses to go below base", () => {
    expect(() => planDowngrade(linear(), ["b"], "-3")).toThrow("'-3' goes below base");
    expect(() => planDowngrade(linear(), [], "-1")).toThrow(
      "'-1' goes below base: nothing is applied",
    );
  });

  it("plans nothing when the target is the current revision, or base is already reached", () => {
    expect(planDowngrade(linear(), ["b"], "b")).toEqual([]);
    expect(planDowngrade(linear(), [], "base")).toEqual([]);
  });

  it("refuses a target that is not applied, naming what is missing", () => {
    const attempt = () => planDowngrade(linear(), ["b"], "d");
    expect(attempt).toThrow(RevisionError);
    expect(attempt).toThrow("cannot downgrade to 'd': c, d are not applied (the database is at b)");
  });

  it("unmerges a merge point into one row per parent", () => {
    const plan = planDowngrade(threeWayMerge(), ["m"], "-1");
    expect(stepsOf(plan)).toEqual([["m", ["m"], ["x", "y", "z"]]]);
    expect(stepsOf(planDowngrade(threeWayMerge(), ["m"], "x"))).toEqual(stepsOf(plan));
  });

  it("reverts across a merge down to the branch point, the rows shrinking back to one", () => {
    const plan = planDowngrade(threeWayMerge(), ["m"], "a");
    expect(stepsOf(plan)).toEqual([
      ["m", ["m"], ["x", "y", "z"]],
      ["y", ["y"], []],
      ["x", ["x"], []],
      ["z", ["z"], ["a"]],
    ]);
    expect(playVersionChanges(["m"], plan)).toEqual(["a"]);
  });

  it("reverts one branch to a revision and leaves the other branch's row alone", () => {
    expect(stepsOf(planDowngrade(twoBranches(), ["b2", "c2"], "b1"))).toEqual([
      ["b2", ["b2"], ["b1"]],
    ]);
  });

  it("reverts a whole branch with label@base", () => {
    expect(stepsOf(planDowngrade(twoBranches(), ["b2", "c2"], "feature@base"))).toEqual([
      ["c2", ["c2"], ["c1"]],
      ["c1", ["c1"], []],
    ]);
  });

  it("reverts both branches down to their branch point, two rows becoming one", () => {
    const plan = planDowngrade(twoBranches(), ["b2", "c2"], "a");
    expect(stepsOf(plan)).toEqual([
      ["c2", ["c2"], ["c1"]],
      ["c1", ["c1"], []],
      ["b2", ["b2"], ["b1"]],
      ["b1", ["b1"], ["a"]],
    ]);
    expect(playVersionChanges(["b2", "c2"], plan)).toEqual(["a"]);
  });

  it("refuses -1 from several current heads but steps one branch with label@-1", () => {
    expect(() => planDowngrade(twoBranches(), ["b2", "c2"], "-1")).toThrow("several heads: b2, c2");
    expect(stepsOf(planDowngrade(twoBranches(), ["b2", "c2"], "feature@-1"))).toEqual([
      ["c2", ["c2"], ["c1"]],
    ]);
  });

  it("keeps a dependent on another branch when downgrading to the revision it depends on", () => {
    expect(stepsOf(planDowngrade(dependsAcross(), ["a2", "b2"], "a1"))).toEqual([
      ["a2", ["a2"], []],
    ]);
  });

  it("reverts a dependent before what it depends on, putting the implied row back", () => {
    const plan = planDowngrade(dependsAcross(), ["b2"], "base");
    expect(stepsOf(plan)).toEqual([
      ["b2", ["b2"], ["b1"]],
      ["b1", ["b1"], ["a1"]],
      ["a1", ["a1"], []],
    ]);
    expect(playVersionChanges(["b2"], plan)).toEqual([]);
  });

  it("reverts a revision's dependents when the revision itself is reverted", () => {
    expect(
      stepsOf(planDowngrade(dependsAcross(), ["a2", "b2"], "auth@base")).map(([id]) => id),
    ).toEqual(["b2", "b1", "a2", "a1"]);
  });
});
