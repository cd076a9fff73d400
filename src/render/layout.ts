import { stringLiteral } from "./string-literal";

/**
 * A small pretty-printer for the expressions a migration file holds: calls, arrays, objects
 * and literals. It breaks lines the way prettier does for these shapes (a group stays on one
 * line when it fits, a trailing object or array argument is hugged, every broken list gets
 * a trailing comma), so a formatter run over a generated file changes nothing.
 */

export type Doc =
  | { readonly kind: "atom"; readonly text: string }
  /** A string literal; kept apart from other atoms because prettier wraps it differently. */
  | { readonly kind: "string"; readonly text: string }
  | { readonly kind: "call"; readonly callee: string; readonly args: readonly Doc[] }
  | { readonly kind: "array"; readonly items: readonly Doc[] }
  | { readonly kind: "object"; readonly entries: readonly Entry[] };

export type Entry = readonly [key: string, value: Doc];

export const atom = (text: string): Doc => ({ kind: "atom", text });
export const quoted = (value: string): Extract<Doc, { kind: "string" }> => ({
  kind: "string",
  text: stringLiteral(value),
});
export const call = (callee: string, args: readonly Doc[]): Doc => ({ kind: "call", callee, args });
export const array = (items: readonly Doc[]): Doc => ({ kind: "array", items });
export const object = (entries: readonly Entry[]): Doc => ({ kind: "object", entries });

/** Prettier's `printWidth` for the generated files. */
export const PRINT_WIDTH = 100;

/**
 * Prettier keeps an object property's key and its string value on one line when the key is
 * shorter than this (tab width plus three): breaking after `name:` gains too little.
 */
const SHORT_KEY = 5;

const pad = (indent: number): string => " ".repeat(indent);

function flat(doc: Doc): string {
  switch (doc.kind) {
    case "atom":
    case "string":
      return doc.text;
    case "call":
      return `${doc.callee}(${doc.args.map(flat).join(", ")})`;
    case "array":
      return `[${doc.items.map(flat).join(", ")}]`;
    case "object":
      return doc.entries.length === 0
        ? "{}"
        : `{ ${doc.entries.map(([key, value]) => `${key}: ${flat(value)}`).join(", ")} }`;
  }
}

/**
 * Prettier always breaks an array of two or more objects (or arrays) that each hold more
 * than one entry, and a forced break breaks every group around it.
 */
function mustBreak(doc: Doc): boolean {
  switch (doc.kind) {
    case "atom":
    case "string":
      return false;
    case "call":
      return doc.args.some(mustBreak);
    case "object":
      return doc.entries.some(([, value]) => mustBreak(value));
    case "array": {
      const { items } = doc;
      const matrix =
        items.length > 1 &&
        (items.every((item) => item.kind === "object" && item.entries.length > 1) ||
          items.every((item) => item.kind === "array" && item.items.length > 1));
      return matrix || items.some(mustBreak);
    }
  }
}

const fits = (column: number, text: string): boolean => column + text.length <= PRINT_WIDTH;

type ListDoc = Extract<Doc, { kind: "array" | "object" }>;

/**
 * Prints `doc` starting at `column` on a line indented by `indent`, with `suffix` (such as
 * `,` or `;`) written right after it; the result includes the suffix.
 */
export function print(doc: Doc, column: number, indent: number, suffix: string): string {
  const oneLine = flat(doc) + suffix;
  if (!mustBreak(doc) && fits(column, oneLine)) return oneLine;
  switch (doc.kind) {
    case "atom":
    case "string":
      return oneLine;
    case "call":
      return printCall(doc, column, indent, suffix);
    case "array":
    case "object":
      return printBroken(doc, indent, suffix);
  }
}

/** A number literal as `valueDoc` writes it, signed or not (not NaN, Infinity or a bigint). */
const NUMBER_LITERAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/;

/** Prettier fills an array of two or more number literals: as many to a line as fit. */
function isNumberArray(items: readonly Doc[]): boolean {
  return (
    items.length > 1 &&
    items.every((item) => item.kind === "atom" && NUMBER_LITERAL.test(item.text))
  );
}

/** Items with their commas, packed into lines that start at `column`. */
function filled(items: readonly Doc[], column: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const item of items) {
    const text = `${flat(item)},`;
    if (line !== "" && fits(column, `${line} ${text}`)) line = `${line} ${text}`;
    else {
      if (line !== "") lines.push(line);
      line = text;
    }
  }
  return [...lines, line];
}

/**
 * One item per line (numbers filled several to a line), each followed by a comma, the
 * closing bracket back at `indent`.
 */
function printBroken(doc: ListDoc, indent: number, suffix: string): string {
  const [open, close] = doc.kind === "array" ? ["[", "]"] : ["{", "}"];
  const inner = indent + 2;
  const lines =
    doc.kind === "object"
      ? doc.entries.map((entry) => printEntry(entry, inner))
      : isNumberArray(doc.items)
        ? filled(doc.items, inner)
        : doc.items.map((item) => print(item, inner, inner, ","));
  if (lines.length === 0) return open + close + suffix;
  return `${open}\n${lines.map((line) => pad(inner) + line).join("\n")}\n${pad(indent)}${close}${suffix}`;
}

function printEntry([key, value]: Entry, indent: number): string {
  const head = `${key}: `;
  if (
    value.kind === "string" &&
    key.length >= SHORT_KEY &&
    !fits(indent, `${head}${value.text},`)
  ) {
    return `${key}:\n${pad(indent + 2)}${value.text},`;
  }
  return head + print(value, indent + head.length, indent, ",");
}

/** Prettier hugs a last argument that is a non-empty object or array, unlike the one before it. */
function huggedArgument(args: readonly Doc[]): ListDoc | undefined {
  const last = args[args.length - 1];
  if (!last || args.slice(0, -1).some(mustBreak)) return undefined;
  if (last.kind !== "array" && last.kind !== "object") return undefined;
  if ((last.kind === "array" ? last.items : last.entries).length === 0) return undefined;
  return args[args.length - 2]?.kind === last.kind ? undefined : last;
}

function printCall(
  doc: Extract<Doc, { kind: "call" }>,
  column: number,
  indent: number,
  suffix: string,
): string {
  if (doc.args.length === 0) return `${doc.callee}()${suffix}`;
  const hugged = huggedArgument(doc.args);
  if (hugged) {
    const head = `${doc.callee}(${doc.args
      .slice(0, -1)
      .map((arg) => `${flat(arg)}, `)
      .join("")}`;
    // A hugged argument is always broken, even when it would fit on the line.
    if (fits(column, head + (hugged.kind === "array" ? "[" : "{"))) {
      return head + printBroken(hugged, indent, `)${suffix}`);
    }
  }
  const inner = indent + 2;
  const lines = doc.args.map((arg) => pad(inner) + print(arg, inner, inner, ","));
  return `${doc.callee}(\n${lines.join("\n")}\n${pad(indent)})${suffix}`;
}
