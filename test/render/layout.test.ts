import { array, atom, call, object, print, quoted, type Doc } from "../../src/render/layout";

const key = (name: string): Doc =>
  object([
    ["name", quoted(name)],
    ["columns", array([quoted("a")])],
  ]);
const long = "x".repeat(90);
const medium = "x".repeat(80);

describe("the layout printer", () => {
  it.each<[string, Doc, string]>([
    [
      "keeps what fits on one line",
      call("f", [quoted("a"), object([["b", atom("true")]])]),
      'f("a", { b: true });',
    ],
    [
      "breaks an array of several multi-entry objects even when it would fit",
      array([key("a"), key("b")]),
      '[\n  { name: "a", columns: ["a"] },\n  { name: "b", columns: ["a"] },\n];',
    ],
    [
      "hugs a trailing object that does not fit",
      call("f", [quoted("t"), object([["comment", quoted(medium)]])]),
      `f("t", {\n  comment: "${medium}",\n});`,
    ],
    [
      "does not hug when the two last arguments are both objects",
      call("f", [object([["a", quoted(medium)]]), object([["b", atom("1")]])]),
      `f(\n  { a: "${medium}" },\n  { b: 1 },\n);`,
    ],
    [
      "breaks every argument when the last one cannot be hugged",
      call("f", [quoted(long), quoted("second argument")]),
      `f(\n  "${long}",\n  "second argument",\n);`,
    ],
    [
      "moves a long string below a long key",
      object([["expression", quoted("y".repeat(95))]]),
      `{\n  expression:\n    "${"y".repeat(95)}",\n};`,
    ],
    [
      "keeps a long string beside a short key",
      object([["name", quoted("y".repeat(95))]]),
      `{\n  name: "${"y".repeat(95)}",\n};`,
    ],
    ["prints empty lists and calls compactly", call("f", [array([]), object([])]), "f([], {});"],
  ])("%s", (_name, doc, expected) => {
    expect(print(doc, 0, 0, ";")).toBe(expected);
  });
});
