/**
 * One line of the review summary at the top of a migration file. Warnings mark what can lose
 * data or fail on existing rows, so a reviewer sees them before reading the body.
 */
export interface ReviewLine {
  readonly text: string;
  readonly warning: boolean;
}

/** A name as the review quotes it: `"posts"`. */
export const q = (name: string): string => JSON.stringify(name);

/** A table as the review names it: bare in `public`, `"schema"."table"` elsewhere. */
export const tableName = (op: { schema: string; table: string }): string =>
  op.schema === "public" ? q(op.table) : `${q(op.schema)}.${q(op.table)}`;
