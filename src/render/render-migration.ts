import type * as TsMorph from "ts-morph";
import { runsOutsideTransaction, type Operation } from "../ops/operations";
import { renderHeader, type HeaderFacts } from "./header";
import { array, print, quoted } from "./layout";
import { operationCall } from "./operation-calls";

/** Everything a migration file states. */
export interface MigrationFileInput extends HeaderFacts {
  readonly upgrade: readonly Operation[];
  readonly downgrade: readonly Operation[];
}

/** The package migration files import their types from. */
const PACKAGE = "typeorm-autogen";

/** Statements inside the two functions start after two spaces. */
const BODY_INDENT = 2;

export function loadTsMorph(): typeof TsMorph {
  // Required on first use, not imported: commands that write no file must not pay for
  // loading the TypeScript compiler.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("ts-morph") as typeof TsMorph;
}

/**
 * The body of `upgrade` or `downgrade`: each operation as an awaited call, indented, one per
 * line. An empty body still names `op`, so linters see no unused parameter and a person
 * adding calls by hand has `op` at hand.
 */
function body(operations: readonly Operation[]): string {
  const pad = " ".repeat(BODY_INDENT);
  if (operations.length === 0) return `${pad}// No operations.\n${pad}void op;\n`;
  const prefix = "await ";
  return operations
    .map((operation) => {
      const call = print(operationCall(operation), BODY_INDENT + prefix.length, BODY_INDENT, ";");
      return `${pad}${prefix}${call}\n`;
    })
    .join("");
}

/** An exported constant: `export const name: type = initializer;`. */
interface Constant {
  readonly name: string;
  readonly type?: string;
  readonly initializer: string;
  /** A doc comment saying why the constant is there. */
  readonly doc?: string;
}

/**
 * `transaction = false` for a migration PostgreSQL cannot run in a transaction (an index
 * built or dropped concurrently, either way).
 */
function transactionConstant(input: MigrationFileInput): Constant[] {
  if (![...input.upgrade, ...input.downgrade].some(runsOutsideTransaction)) return [];
  const doc =
    "CONCURRENTLY cannot run inside a transaction: each statement commits on its own, and a\n" +
    "failed run is retried by running it again (a half-built index is dropped first).";
  return [{ name: "transaction", initializer: "false", doc }];
}

/** A `string[]` constant, its array laid out like the calls (a merge may have many parents). */
function stringArray(name: string, values: readonly string[]): Constant {
  const type = "string[]";
  const column = `export const ${name}: ${type} = `.length;
  return { name, type, initializer: print(array(values.map(quoted)), column, 0, ";").slice(0, -1) };
}

/**
 * The text of a migration file: a header comment, the revision identifiers, and `upgrade`
 * / `downgrade` functions that replay the operations through the `op` API. The same input
 * always gives the same bytes, and the file type-checks under `tsc --strict`.
 */
export function renderMigration(input: MigrationFileInput): string {
  const { Project, VariableDeclarationKind, QuoteKind, IndentationText } = loadTsMorph();
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: {
      quoteKind: QuoteKind.Double,
      indentationText: IndentationText.TwoSpaces,
    },
  });
  const file = project.createSourceFile("migration.ts", renderHeader(input));
  file.addImportDeclaration({
    isTypeOnly: true,
    namedImports: ["MigrationContext"],
    moduleSpecifier: PACKAGE,
  });

  const { downRevision, branchLabels, dependsOn } = input;
  const constants: readonly Constant[] = [
    { name: "revision", initializer: quoted(input.revision).text },
    typeof downRevision === "string" || downRevision === null
      ? {
          name: "downRevision",
          type: "string | null",
          initializer: downRevision === null ? "null" : quoted(downRevision).text,
        }
      : stringArray("downRevision", downRevision),
    ...(branchLabels?.length ? [stringArray("branchLabels", branchLabels)] : []),
    ...(dependsOn?.length ? [stringArray("dependsOn", dependsOn)] : []),
    ...transactionConstant(input),
  ];
  file.addVariableStatements(
    constants.map(({ name, type, doc }) => ({
      ...(doc !== undefined ? { docs: [doc] } : {}),
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      declarations: [{ name, type, initializer: "null" }],
    })),
  );
  const names = ["upgrade", "downgrade"] as const;
  file.addFunctions(
    names.map((name) => ({
      isExported: true,
      isAsync: true,
      name,
      parameters: [{ name: "{ op }", type: "MigrationContext" }],
      returnType: "Promise<void>",
    })),
  );

  // Initialisers and bodies go in verbatim, at positions taken from the tree, the last edit
  // first so earlier positions stay valid. Given them as structure, ts-morph's writer would
  // re-indent them, and it tracks string literals to do so: a literal such as "\\" followed
  // by a backtick makes it lose track and indent the wrong lines.
  const edits = [
    ...constants.map(({ name, initializer }) => {
      const node = file.getVariableDeclarationOrThrow(name).getInitializerOrThrow();
      return { start: node.getStart(), end: node.getEnd(), text: initializer };
    }),
    ...names.map((name) => {
      const at = file.getFunctionOrThrow(name).getBodyOrThrow().getStart() + 1;
      return { start: at, end: at, text: `\n${body(input[name])}`.trimEnd() };
    }),
  ];
  // Spliced into the text rather than through `replaceText`, which parses the whole file again
  // after each edit: five parses of a file of 100 calls were most of a render's 0.1 s.
  let text = file.getFullText();
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    text = `${text.slice(0, edit.start)}${edit.text}${text.slice(edit.end)}`;
  }
  // A blank line detaches the header from the `import type` under it: tsc drops the
  // comments of the statements it elides, so a compiled .js would lose its message.
  return text.replace(/^(\/\*\*[\s\S]*?\*\/\n)(?=import)/, "$1\n");
}
