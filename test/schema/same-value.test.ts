import { sameValue } from "../../src/schema/same-value";

describe("sameValue", () => {
  it("compares plain data by content, whatever the order of its keys", () => {
    expect(sameValue({ a: 1, b: ["x", { c: null }] }, { b: ["x", { c: null }], a: 1 })).toBe(true);
    expect(sameValue({ a: 1, b: ["x"] }, { a: 1, b: ["y"] })).toBe(false);
  });

  it("counts a key holding undefined as absent, as the JSON text of the value would", () => {
    expect(sameValue({ a: 1, comment: undefined }, { a: 1 })).toBe(true);
    expect(sameValue({ a: 1, comment: null }, { a: 1 })).toBe(false);
  });

  it("keeps the order of array items: columns and labels are ordered", () => {
    expect(sameValue(["a", "b"], ["b", "a"])).toBe(false);
    expect(sameValue(["a"], ["a", "a"])).toBe(false);
  });

  it("tells an array from an object and a value from null", () => {
    expect(sameValue([], {})).toBe(false);
    expect(sameValue(null, {})).toBe(false);
    expect(sameValue(0, "0")).toBe(false);
  });
});
