import { firstDifference } from "../../src/commands/first-difference";

describe("firstDifference, the fallback verify names when no operation describes a change", () => {
  it("is null for equal values", () => {
    expect(firstDifference({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBeNull();
  });

  it("names the path of the first differing leaf, with both values", () => {
    expect(
      firstDifference(
        { tables: [{ name: "a", comment: null }] },
        { tables: [{ name: "a", comment: "x" }] },
      ),
    ).toBe('schema.tables[0].comment was null, is "x"');
  });

  it("names a key or an element only one side has", () => {
    expect(firstDifference({ enums: [] }, { enums: ["mood"] })).toBe(
      'schema.enums[0] was undefined, is "mood"',
    );
  });
});
