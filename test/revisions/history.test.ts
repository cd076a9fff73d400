import { history } from "../../src/revisions";
import { dependsAcross, linear, threeWayMerge, twoBranches } from "./fixtures";

const ids = (revisions: readonly { revision: string }[]) => revisions.map((info) => info.revision);

describe("history", () => {
  it("lists every revision newest first, one branch after the other", () => {
    expect(ids(history(twoBranches()))).toEqual(["c2", "c1", "b2", "b1", "a"]);
    expect(ids(history(threeWayMerge()))).toEqual(["m", "y", "x", "z", "a"]);
  });

  it("includes both ends of a FROM:TO range", () => {
    expect(ids(history(linear(), "b:c"))).toEqual(["c", "b"]);
    expect(ids(history(linear(), "base:head"))).toEqual(["d", "c", "b", "a"]);
  });

  it("reads an empty FROM as base and an empty TO as the heads", () => {
    expect(ids(history(twoBranches(), "b1:"))).toEqual(["b2", "b1"]);
    expect(ids(history(twoBranches(), ":b1"))).toEqual(["b1", "a"]);
  });

  it("shows only what follows FROM, not other branches that happen to be newer", () => {
    expect(ids(history(dependsAcross(), "b1:"))).toEqual(["b2", "b1"]);
    expect(ids(history(dependsAcross(), "auth:"))).toEqual(["b2", "b1", "a2", "a1"]);
  });

  it("resolves relative ends against the current revision", () => {
    expect(ids(history(linear(), "current:", ["b"]))).toEqual(["d", "c", "b"]);
    expect(ids(history(linear(), "-2:", ["d"]))).toEqual(["d", "c"]);
  });

  it("refuses a single target where a range is expected", () => {
    expect(() => history(linear(), "b")).toThrow("'b' is not a range: write FROM:TO, FROM: or :TO");
  });
});
