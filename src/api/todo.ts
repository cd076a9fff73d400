declare const unwritten: unique symbol;

/**
 * A value `revision` could not choose and leaves to the migration's author, such as what the
 * rows already in a table get when a column becomes NOT NULL. It is assignable to nothing
 * (`tsc` reports "Type 'Todo' is not assignable to type 'string'" until it is replaced), and
 * an operation given one at run time refuses to run: migration files are loaded without type
 * checking, and an unfinished plan must not reach the database.
 */
export interface Todo {
  readonly [unwritten]: true;
  /** What to write instead. */
  readonly todo: string;
}

/** `op.todo(what)`: a placeholder that keeps the file from compiling until it is replaced. */
export function todo(what: string): Todo {
  return Object.freeze({ todo: what }) as Todo;
}

/** Whether a value is still `op.todo(...)`; the `op` methods check their string options. */
export function isTodo(value: unknown): value is Todo {
  return typeof value === "object" && value !== null && "todo" in value;
}
