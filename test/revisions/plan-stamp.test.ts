import { RevisionError } from "../../src/errors";
import { MultipleHeadsError, planStamp } from "../../src/revisions";
import { dependsAcross, linear, threeWayMerge, twoBranches } from "./fixtures";

const shape = (plan: ReturnType<typeof planStamp>) => ({
  after: [...plan.after],
  stamped: [...plan.stamped],
  unstamped: [...plan.unstamped],
});

describe("planStamp", () => {
  it("stamps an empty database at head, counting every revision as applied in order", () => {
    expect(shape(planStamp(linear(), [], "head"))).toEqual({
      after: ["d"],
      stamped: ["a", "b", "c", "d"],
      unstamped: [],
    });
  });

  it("stamps base by emptying the table, unstamping newest first", () => {
    expect(shape(planStamp(linear(), ["c"], "base"))).toEqual({
      after: [],
      stamped: [],
      unstamped: ["c", "b", "a"],
    });
  });

  it("moves back along the branch when the target is already applied", () => {
    expect(shape(planStamp(linear(), ["d"], "b"))).toEqual({
      after: ["b"],
      stamped: [],
      unstamped: ["d", "c"],
    });
    expect(shape(planStamp(linear(), ["d"], "-1"))).toEqual({
      after: ["c"],
      stamped: [],
      unstamped: ["d"],
    });
  });

  it("keeps the other branch when stamping one branch forward or back", () => {
    expect(shape(planStamp(twoBranches(), ["b2"], "feature@head"))).toEqual({
      after: ["b2", "c2"],
      stamped: ["c1", "c2"],
      unstamped: [],
    });
    expect(shape(planStamp(twoBranches(), ["b2", "c2"], "c1"))).toEqual({
      after: ["b2", "c1"],
      stamped: [],
      unstamped: ["c2"],
    });
  });

  it("stamps every head with heads, and one row for a merge", () => {
    expect(planStamp(twoBranches(), [], "heads").after).toEqual(["b2", "c2"]);
    expect(planStamp(threeWayMerge(), ["x", "y"], "heads").after).toEqual(["m"]);
    expect(planStamp(threeWayMerge(), ["m"], "m-1").after).toEqual(["x", "y", "z"]);
  });

  it("counts what a revision depends on across branches as applied too", () => {
    const plan = planStamp(dependsAcross(), [], "b1");
    expect(plan.after).toEqual(["b1"]);
    expect(plan.stamped).toEqual(["a1", "b1"]);
  });

  it("changes nothing when the database is already at the target", () => {
    expect(shape(planStamp(linear(), ["b"], "b"))).toEqual({
      after: ["b"],
      stamped: [],
      unstamped: [],
    });
  });

  it("refuses head when there are several, and rows no file defines", () => {
    expect(() => planStamp(twoBranches(), [], "head")).toThrow(MultipleHeadsError);
    expect(() => planStamp(linear(), ["zzz"], "head")).toThrow(RevisionError);
  });
});
