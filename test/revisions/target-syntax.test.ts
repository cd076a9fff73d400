import { UsageError } from "../../src/errors";
import { parseRange, parseTarget, type TargetSyntax } from "../../src/revisions";

describe("parseTarget", () => {
  it.each<[string, TargetSyntax]>([
    ["heads", { kind: "heads" }],
    ["head", { kind: "head" }],
    ["base", { kind: "base" }],
    ["current", { kind: "current" }],
    ["5c1f", { kind: "symbol", name: "5c1f" }],
    ["5c1f0e9a2b7d", { kind: "symbol", name: "5c1f0e9a2b7d" }],
    ["auth", { kind: "symbol", name: "auth" }],
    ["auth@head", { kind: "branchHead", branch: "auth" }],
    ["5c1f@head", { kind: "branchHead", branch: "5c1f" }],
    ["auth@base", { kind: "branchBase", branch: "auth" }],
    ["+2", { kind: "relative", branch: undefined, from: undefined, steps: 2 }],
    ["-1", { kind: "relative", branch: undefined, from: undefined, steps: -1 }],
    ["auth@+1", { kind: "relative", branch: "auth", from: undefined, steps: 1 }],
    ["auth@-3", { kind: "relative", branch: "auth", from: undefined, steps: -3 }],
    ["head-2", { kind: "relative", branch: undefined, from: "head", steps: -2 }],
    ["base+1", { kind: "relative", branch: undefined, from: "base", steps: 1 }],
    ["5c1f+1", { kind: "relative", branch: undefined, from: "5c1f", steps: 1 }],
    ["5c1f0e9a2b7d-10", { kind: "relative", branch: undefined, from: "5c1f0e9a2b7d", steps: -10 }],
    ["auth@head-1", { kind: "relative", branch: "auth", from: "head", steps: -1 }],
    [" head ", { kind: "head" }],
  ])("reads %j", (text, expected) => {
    expect(parseTarget(text)).toEqual(expected);
  });

  it.each(["", "a:b", "a b", "@head", "auth@", "auth@middle", "5c1f--1", "head-x"])(
    "refuses %j as a usage error that lists the forms",
    (text) => {
      expect(() => parseTarget(text)).toThrow(UsageError);
      expect(() => parseTarget(text)).toThrow(`'${text}' is not a revision target`);
    },
  );

  it("refuses a step of zero", () => {
    expect(() => parseTarget("+0")).toThrow("'+0' must step by a whole number other than zero");
  });
});

describe("parseRange", () => {
  it.each([
    ["a:b", { from: "a", to: "b" }],
    [":b", { from: undefined, to: "b" }],
    ["a:", { from: "a", to: undefined }],
    [":", { from: undefined, to: undefined }],
    ["-2:head", { from: "-2", to: "head" }],
  ])("splits %j", (text, expected) => {
    expect(parseRange(text)).toEqual(expected);
  });

  it("says a single target is not a range", () => {
    expect(parseRange("head")).toBeUndefined();
  });

  it("refuses more than one colon", () => {
    expect(() => parseRange("a:b:c")).toThrow("'a:b:c' is not a range: write FROM:TO");
  });
});
