import {
  columnList,
  qualifiedName,
  quoteIdent,
  quoteLiteral,
} from "../../src/dialect/postgres/quote";
import { AutogenError } from "../../src/errors";

describe("quoteIdent", () => {
  it.each([
    ["users", '"users"'],
    ["Users", '"Users"'],
    ["select", '"select"'],
    ['we"ird', '"we""ird"'],
    ["a'b", `"a'b"`],
    ["x; DROP TABLE y; --", '"x; DROP TABLE y; --"'],
    ["$$", '"$$"'],
    ["a\\b", '"a\\b"'],
    ["naïve_日本", '"naïve_日本"'],
    ['""', '""""""'],
  ])("quotes %j as %s", (name, quoted) => {
    expect(quoteIdent(name)).toBe(quoted);
  });

  it("accepts a name of exactly 63 bytes", () => {
    expect(quoteIdent("é".repeat(31) + "x")).toBe(`"${"é".repeat(31)}x"`);
  });

  it("refuses a name PostgreSQL would silently truncate", () => {
    expect(() => quoteIdent("é".repeat(32))).toThrow(/64 bytes long; PostgreSQL keeps only 63/);
  });

  it.each([
    ["an empty name", ""],
    ["a NUL character", "a\0b"],
    ["an unpaired surrogate", "a\uD800b"],
  ])("refuses %s", (_what, name) => {
    expect(() => quoteIdent(name)).toThrow(AutogenError);
  });
});

describe("quoteLiteral", () => {
  it.each([
    ["", "''"],
    ["plain", "'plain'"],
    ["it's", "'it''s'"],
    ['say "hi"', `'say "hi"'`],
    ["$$; DROP TABLE y; --", "'$$; DROP TABLE y; --'"],
    ["a\\b", "E'a\\\\b'"],
    ["\\'", "E'\\\\'''"],
    ["line\nbreak", "'line\nbreak'"],
    ["😀", "'😀'"],
  ])("quotes %j as %s", (value, quoted) => {
    expect(quoteLiteral(value)).toBe(quoted);
  });

  it("refuses a NUL character, which PostgreSQL text cannot hold", () => {
    expect(() => quoteLiteral("a\0")).toThrow(/NUL/);
  });
});

describe("qualifiedName and columnList", () => {
  it("quote every part", () => {
    expect(qualifiedName("public", 'a"b')).toBe('"public"."a""b"');
    expect(columnList(["a", "B c"])).toBe('("a", "B c")');
  });
});
