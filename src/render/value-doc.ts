import { AutogenError } from "../errors";
import { array, atom, object, quoted, type Doc } from "./layout";

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function numberText(value: number): string {
  if (Object.is(value, -0)) return "-0";
  // Prettier prints exponents without the plus sign: 1e21, not 1e+21.
  return String(value).replace("e+", "e");
}

function key(name: string): string {
  // A literal `__proto__` key sets the prototype instead of creating a property.
  if (name === "__proto__") return `[${quoted(name).text}]`;
  return IDENTIFIER.test(name) ? name : quoted(name).text;
}

/**
 * The literal for a value a person passed to `op.execute` as a parameter. Only values that
 * a literal reproduces exactly are accepted; anything else (a Date, a Buffer, a class
 * instance, a cycle) is refused rather than written as something that means less.
 */
export function valueDoc(value: unknown, ancestors: readonly object[] = []): Doc {
  switch (typeof value) {
    case "string":
      return quoted(value);
    case "number":
      return atom(numberText(value));
    case "bigint":
      return atom(`${value}n`);
    case "boolean":
    case "undefined":
      return atom(String(value));
    case "object": {
      if (value === null) return atom("null");
      if (ancestors.includes(value)) throw unrenderable("a value that contains itself");
      const inside = [...ancestors, value];
      if (Array.isArray(value)) {
        return array(Array.from(value, (item: unknown) => valueDoc(item, inside)));
      }
      // A plain object from any realm (a vm context, a worker): its prototype is that
      // realm's Object.prototype, whose own prototype is null.
      const prototype: unknown = Object.getPrototypeOf(value);
      if (prototype !== null && Object.getPrototypeOf(prototype) !== null) {
        throw unrenderable(`an instance of ${value.constructor?.name ?? "a class"}`);
      }
      return object(
        Object.entries(value).map(([name, item]) => [key(name), valueDoc(item, inside)] as const),
      );
    }
    default:
      throw unrenderable(`a ${typeof value}`);
  }
}

function unrenderable(what: string): AutogenError {
  return new AutogenError(
    "render",
    `An op.execute parameter is ${what}, which a migration file cannot spell as a literal.`,
    "Pass strings, numbers, booleans, null, arrays or plain objects (convert dates to ISO strings).",
  );
}
