import fc from "fast-check";
import { stringLiteral, visibleText } from "../../src/render/string-literal";
import { hostileStrings } from "./support/sample-operations";

/** Evaluates a literal the way the compiled migration file will. */
function evaluate(literal: string): unknown {
  return new Function(`return ${literal};`)() as unknown;
}

/** Characters that must never appear raw in a generated file. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]|[^\P{Zs} ]/u;

describe("stringLiteral", () => {
  it.each(hostileStrings.map((text) => [JSON.stringify(text), text]))(
    "spells %s as a literal that evaluates back to it",
    (_label, text) => {
      const literal = stringLiteral(text);
      expect(evaluate(literal)).toBe(text);
      expect(literal).not.toMatch(INVISIBLE);
    },
  );

  it("spells any string at all as a literal that evaluates back to it", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const literal = stringLiteral(text);
        expect(evaluate(literal)).toBe(text);
        expect(literal).not.toMatch(INVISIBLE);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ["plain", '"plain"'],
    ["it's", '"it\'s"'],
    ['say "hi"', "'say \"hi\"'"],
    [`"a" 'b'`, `"\\"a\\" 'b'"`],
    ["${x} `y`", '"${x} `y`"'],
    ["a\\b", '"a\\\\b"'],
    ["\u0000\u2028\u{e0001}", '"\\u0000\\u2028\\udb40\\udc01"'],
  ])("quotes %j the way prettier would: %s", (text, literal) => {
    expect(stringLiteral(text)).toBe(literal);
  });
});

describe("visibleText", () => {
  it("spells control and invisible characters but leaves quotes and backslashes alone", () => {
    expect(visibleText('a\tb "c" \\d \u200b \u00a0 é')).toBe('a\\tb "c" \\d \\u200b \\u00a0 é');
  });
});
