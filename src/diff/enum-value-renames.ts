import { ops } from "../ops/factories";
import type { Operation } from "../ops/operations";
import type { DatabaseSchema, EnumType } from "../schema/model";
import { refKey } from "../schema/keys";
import { nameSimilarity, type RenameCandidate } from "./rename-candidates";
import { renameEnumValueIn } from "./rename-model";

/** An enum label the user says was renamed: `type` is the enum type, in `schema`. */
export interface EnumValueRename {
  readonly schema: string;
  readonly type: string;
  readonly from: string;
  readonly to: string;
}

/**
 * Enum labels renamed (`ALTER TYPE ... RENAME VALUE`, every row keeps its value under the new
 * label): the ones `hints` name, where the live type has the old label and the target the new
 * one. A type that otherwise swaps exactly one label for another in the same place is offered as
 * a candidate: without a decision it is written as a removal and an addition, which fails on any
 * row holding the old label.
 */
export function enumValueRenames(
  current: DatabaseSchema,
  target: DatabaseSchema,
  hints: readonly EnumValueRename[],
): {
  operations: Operation[];
  current: DatabaseSchema;
  applied: EnumValueRename[];
  undecided: RenameCandidate[];
} {
  const operations: Operation[] = [];
  const applied: EnumValueRename[] = [];
  let model = current;
  const goals = new Map(target.enums.map((e) => [refKey(e), e]));
  const live = (schema: DatabaseSchema, hint: EnumValueRename) =>
    schema.enums.find((e) => e.schema === hint.schema && e.name === hint.type);
  for (const hint of hints) {
    const before = live(model, hint);
    const after = live(target, hint);
    if (!before || !after) continue;
    const gone = before.values.includes(hint.from) && !after.values.includes(hint.from);
    const made = after.values.includes(hint.to) && !before.values.includes(hint.to);
    if (!gone || !made) continue;
    const { schema, type: name, from, to } = hint;
    operations.push(ops.renameEnumValue({ schema, name, from, to }));
    model = renameEnumValueIn(model, hint);
    applied.push(hint);
  }
  const undecided: RenameCandidate[] = [];
  for (const before of model.enums) {
    const after = goals.get(refKey(before));
    const candidate = after && swappedLabel(before, after);
    if (candidate) undecided.push(candidate);
  }
  return { operations, current: model, applied, undecided };
}

/** The one label `after` has in place of one of `before`'s, at the same position. */
function swappedLabel(before: EnumType, after: EnumType): RenameCandidate | null {
  if (before.values.length !== after.values.length) return null;
  const gone = before.values.filter((v) => !after.values.includes(v));
  const made = after.values.filter((v) => !before.values.includes(v));
  if (gone.length !== 1 || made.length !== 1) return null;
  const [from, to] = [gone[0] as string, made[0] as string];
  if (before.values.indexOf(from) !== after.values.indexOf(to)) return null;
  return {
    kind: "enumValue",
    schema: before.schema,
    table: before.name,
    from,
    to,
    score: 0.85 + 0.15 * nameSimilarity(from, to),
  };
}
