import { RevisionError, UsageError } from "../../src/errors";
import { checkTarget, MultipleHeadsError, UnknownRevisionError } from "../../src/revisions";
import { twoBranches } from "./fixtures";

/** a -> b1 -> b2 and a -> c1 (label `feature`) -> c2: what the commands check before connecting. */
const graph = twoBranches();

describe("checkTarget", () => {
  it.each([
    "heads",
    "base",
    "b2",
    "feature",
    "feature@head",
    "c2-1",
    "base+1",
    "current",
    "+1",
    "-2",
  ])("accepts %j without the database", (target) => {
    expect(() => checkTarget(graph, target)).not.toThrow();
  });

  it.each(["he ad!", "a:b", "+0"])("refuses %j as a usage error", (target) => {
    expect(() => checkTarget(graph, target)).toThrow(UsageError);
  });

  it.each([
    ["zzzz0000", UnknownRevisionError],
    ["nope@+1", UnknownRevisionError],
    ["head", MultipleHeadsError],
    ["b2+1", RevisionError],
  ])("refuses %j, which the graph alone already rules out", (target, error) => {
    expect(() => checkTarget(graph, target)).toThrow(error);
  });
});
