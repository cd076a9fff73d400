import { postgres } from "../dialect/postgres";
import type { Operation } from "../ops/operations";
import { refKey } from "../schema/keys";

/**
 * Labels added to an existing enum type, which PostgreSQL refuses to use in the transaction
 * that added them ("unsafe use of new value"). The runner commits them first, in a
 * transaction of their own; they compile to `ADD VALUE IF NOT EXISTS`, so a re-run after a
 * failure of the rest of the migration finds them there and goes on.
 */
export function hoistedLabelAdditions(list: readonly Operation[]): ReadonlySet<Operation> {
  const createdHere = new Set<string>();
  const hoisted = new Set<Operation>();
  for (const op of list) {
    if (op.kind === "createEnum") createdHere.add(refKey(op.enum));
    if (postgres.compile.addsEnumLabels(op) && op.kind === "alterEnum") {
      if (!createdHere.has(refKey(op))) hoisted.add(op);
    }
  }
  return hoisted;
}
