/**
 * Reads the parts of a `CREATE TABLE` statement, as `sqlite_master.sql` keeps it, that
 * SQLite's pragmas do not report: constraint names, check expressions, AUTOINCREMENT,
 * collations and generated columns. Written for what TypeORM and this dialect write, and for
 * hand-written tables in SQLite's grammar; what it cannot place it leaves out.
 */

type Token = { readonly text: string; readonly kind: "word" | "ident" | "string" | "punct" };

export interface ParsedColumn {
  readonly name: string;
  /** The declared type as written (`varchar(20)`), words joined by one space; "" when none. */
  readonly type: string;
  readonly primaryKey: boolean;
  readonly autoincrement: boolean;
  readonly collation: string | null;
  /** Expression of a generated column, and whether it is stored. */
  readonly generated: { readonly expression: string; readonly stored: boolean } | null;
  /** `CHECK (...)` written on the column, with `CONSTRAINT name` when given. */
  readonly checks: readonly { readonly name: string | null; readonly expression: string }[];
  /** `UNIQUE` written on the column. */
  readonly unique: { readonly name: string | null } | null;
  /** `REFERENCES t (c)` written on the column. */
  readonly references: ParsedReference | null;
}

export interface ParsedReference {
  readonly name: string | null;
  readonly columns: readonly string[];
  readonly table: string;
  readonly referencedColumns: readonly string[];
  readonly onDelete: string;
  readonly onUpdate: string;
  readonly deferrable: string | null;
}

export interface ParsedTable {
  readonly columns: readonly ParsedColumn[];
  readonly primaryKey: { readonly name: string | null; readonly columns: readonly string[] } | null;
  readonly uniques: readonly {
    readonly name: string | null;
    readonly columns: readonly string[];
  }[];
  readonly checks: readonly { readonly name: string | null; readonly expression: string }[];
  readonly foreignKeys: readonly ParsedReference[];
}

function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  const re =
    /\s+|--[^\n]*|\/\*[\s\S]*?\*\/|"((?:[^"]|"")*)"|`((?:[^`]|``)*)`|\[([^\]]*)\]|'((?:[^']|'')*)'|([A-Za-z_][\w$]*)|(\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)|(<>|<=|>=|!=|==|\|\||[^\s])/gy;
  let match: RegExpExecArray | null;
  while (re.lastIndex < sql.length && (match = re.exec(sql)) !== null) {
    const [all, dq, bq, sq, str, word, num, punct] = match;
    if (dq !== undefined) tokens.push({ text: dq.replaceAll('""', '"'), kind: "ident" });
    else if (bq !== undefined) tokens.push({ text: bq.replaceAll("``", "`"), kind: "ident" });
    else if (sq !== undefined) tokens.push({ text: sq, kind: "ident" });
    else if (str !== undefined) tokens.push({ text: all, kind: "string" });
    else if (word !== undefined) tokens.push({ text: word, kind: "word" });
    else if (num !== undefined) tokens.push({ text: num, kind: "word" });
    else if (punct !== undefined) tokens.push({ text: punct, kind: "punct" });
  }
  return tokens;
}

/** Splits the tokens at top-level commas. */
function splitTopLevel(tokens: readonly Token[]): Token[][] {
  const parts: Token[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (t.kind === "punct" && t.text === "(") depth++;
    if (t.kind === "punct" && t.text === ")") depth--;
    if (depth === 0 && t.kind === "punct" && t.text === ",") parts.push([]);
    else parts[parts.length - 1]?.push(t);
  }
  return parts.filter((p) => p.length > 0);
}

/** The source text of an expression's tokens, re-quoted as SQLite would read it. */
function textOf(tokens: readonly Token[]): string {
  let out = "";
  let previous: Token | undefined;
  for (const t of tokens) {
    const text = t.kind === "ident" ? `"${t.text.replaceAll('"', '""')}"` : t.text;
    const tight =
      previous === undefined ||
      (previous.kind === "punct" && previous.text === "(") ||
      (t.kind === "punct" && (t.text === ")" || t.text === ",")) ||
      (t.kind === "punct" &&
        t.text === "(" &&
        previous.kind === "word" &&
        !isKeyword(previous.text));
    out += tight ? text : ` ${text}`;
    previous = t;
  }
  return out;
}

const KEYWORDS = new Set(["in", "and", "or", "not", "is", "like", "between", "check", "exists"]);
const isKeyword = (word: string) => KEYWORDS.has(word.toLowerCase());

const is = (t: Token | undefined, word: string): boolean =>
  t !== undefined && t.kind === "word" && t.text.toUpperCase() === word;
const isPunct = (t: Token | undefined, p: string): boolean =>
  t !== undefined && t.kind === "punct" && t.text === p;

/** Reads a parenthesised group starting at `i` (which must be `(`): its inner tokens and the index after it. */
function group(tokens: readonly Token[], i: number): [inner: Token[], next: number] {
  let depth = 0;
  for (let j = i; j < tokens.length; j++) {
    if (isPunct(tokens[j], "(")) depth++;
    if (isPunct(tokens[j], ")") && --depth === 0) return [tokens.slice(i + 1, j), j + 1];
  }
  return [tokens.slice(i + 1), tokens.length];
}

const names = (inner: readonly Token[]): string[] =>
  splitTopLevel(inner).map((part) => part[0]?.text ?? "");

const CONSTRAINT_STARTS = ["CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN"];

/** `REFERENCES t (c) ON DELETE ... ON UPDATE ... DEFERRABLE INITIALLY ...` from index `i`. */
function reference(tokens: readonly Token[], i: number, name: string | null, columns: string[]) {
  const table = tokens[i + 1]?.text ?? "";
  let j = i + 2;
  let referencedColumns: string[] = [];
  if (isPunct(tokens[j], "(")) {
    const [inner, next] = group(tokens, j);
    referencedColumns = names(inner);
    j = next;
  }
  let onDelete = "NO ACTION";
  let onUpdate = "NO ACTION";
  let deferrable: string | null = null;
  while (j < tokens.length) {
    if (is(tokens[j], "ON") && (is(tokens[j + 1], "DELETE") || is(tokens[j + 1], "UPDATE"))) {
      const which = tokens[j + 1]?.text.toUpperCase();
      const two = is(tokens[j + 2], "SET") || is(tokens[j + 2], "NO");
      const action = two
        ? `${tokens[j + 2]?.text} ${tokens[j + 3]?.text}`.toUpperCase()
        : (tokens[j + 2]?.text ?? "").toUpperCase();
      if (which === "DELETE") onDelete = action;
      else onUpdate = action;
      j += two ? 4 : 3;
    } else if (is(tokens[j], "DEFERRABLE") && is(tokens[j + 1], "INITIALLY")) {
      deferrable = `INITIALLY ${(tokens[j + 2]?.text ?? "").toUpperCase()}`;
      j += 3;
    } else break;
  }
  const ref: ParsedReference = {
    name,
    columns,
    table,
    referencedColumns,
    onDelete,
    onUpdate,
    deferrable,
  };
  return { ref, next: j };
}

function parseColumn(part: readonly Token[]): ParsedColumn {
  const name = part[0]?.text ?? "";
  let i = 1;
  const typeWords: string[] = [];
  while (i < part.length && part[i]?.kind !== "punct" && !isColumnConstraint(part[i])) {
    typeWords.push(part[i]?.text ?? "");
    i++;
  }
  let type = typeWords.join(" ");
  if (isPunct(part[i], "(") && typeWords.length > 0) {
    const [inner, next] = group(part, i);
    type += `(${splitTopLevel(inner)
      .map((p) => p.map((t) => t.text).join(""))
      .join(",")})`;
    i = next;
  }
  let constraintName: string | null = null;
  const column = {
    primaryKey: false,
    autoincrement: false,
    collation: null as string | null,
    generated: null as ParsedColumn["generated"],
    checks: [] as { name: string | null; expression: string }[],
    unique: null as ParsedColumn["unique"],
    references: null as ParsedReference | null,
  };
  while (i < part.length) {
    const t = part[i];
    if (is(t, "CONSTRAINT")) {
      constraintName = part[i + 1]?.text ?? null;
      i += 2;
      continue;
    }
    if (is(t, "PRIMARY")) column.primaryKey = true;
    else if (is(t, "AUTOINCREMENT")) column.autoincrement = true;
    else if (is(t, "UNIQUE")) column.unique = { name: constraintName };
    else if (is(t, "COLLATE")) column.collation = part[i + 1]?.text ?? null;
    else if (is(t, "CHECK") && isPunct(part[i + 1], "(")) {
      const [inner, next] = group(part, i + 1);
      column.checks.push({ name: constraintName, expression: textOf(inner) });
      constraintName = null;
      i = next;
      continue;
    } else if (is(t, "DEFAULT") && isPunct(part[i + 1], "(")) {
      i = group(part, i + 1)[1];
      continue;
    } else if (is(t, "AS") && isPunct(part[i + 1], "(")) {
      const [inner, next] = group(part, i + 1);
      column.generated = { expression: textOf(inner), stored: is(part[next], "STORED") };
      i = next;
      continue;
    } else if (is(t, "REFERENCES")) {
      const { ref, next } = reference(part, i, constraintName, [name]);
      column.references = ref;
      i = next;
      continue;
    }
    i++;
  }
  return { name, type, ...column };
}

const COLUMN_CONSTRAINTS = [
  "CONSTRAINT",
  "PRIMARY",
  "NOT",
  "NULL",
  "UNIQUE",
  "CHECK",
  "DEFAULT",
  "COLLATE",
  "REFERENCES",
  "GENERATED",
  "AS",
];
const isColumnConstraint = (t: Token | undefined) =>
  t !== undefined && t.kind === "word" && COLUMN_CONSTRAINTS.includes(t.text.toUpperCase());

/** Parses `CREATE TABLE name (...)`; null when the text is not one (a virtual table, say). */
export function parseCreateTable(sql: string): ParsedTable | null {
  const tokens = tokenize(sql);
  const open = tokens.findIndex((t) => isPunct(t, "("));
  // A virtual table's arguments belong to its module, not to SQLite's grammar.
  if (open < 0 || !is(tokens[0], "CREATE") || is(tokens[1], "VIRTUAL")) return null;
  const [body] = group(tokens, open);
  const table = {
    columns: [] as ParsedColumn[],
    primaryKey: null as ParsedTable["primaryKey"],
    uniques: [] as { name: string | null; columns: string[] }[],
    checks: [] as { name: string | null; expression: string }[],
    foreignKeys: [] as ParsedReference[],
  };
  for (const part of splitTopLevel(body)) {
    const first = part[0];
    if (!(first?.kind === "word" && CONSTRAINT_STARTS.includes(first.text.toUpperCase()))) {
      table.columns.push(parseColumn(part));
      continue;
    }
    let i = 0;
    let name: string | null = null;
    if (is(part[0], "CONSTRAINT")) {
      name = part[1]?.text ?? null;
      i = 2;
    }
    const at = part.findIndex((t, j) => j >= i && isPunct(t, "("));
    if (at < 0) continue;
    const [inner, next] = group(part, at);
    if (is(part[i], "PRIMARY")) table.primaryKey = { name, columns: names(inner) };
    else if (is(part[i], "UNIQUE")) table.uniques.push({ name, columns: names(inner) });
    else if (is(part[i], "CHECK")) table.checks.push({ name, expression: textOf(inner) });
    else if (is(part[i], "FOREIGN") && is(part[next], "REFERENCES")) {
      table.foreignKeys.push(reference(part, next, name, names(inner)).ref);
    }
  }
  return table;
}
