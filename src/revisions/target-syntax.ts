import { UsageError } from "../errors";

/**
 * A target as written on the command line, parsed but not yet looked up. Plain data, so the
 * grammar is tested on its own:
 *
 * | text                 | syntax                                                    |
 * | -------------------- | --------------------------------------------------------- |
 * | `heads`, `head`, `base`, `current` | the keyword                                 |
 * | `5c1f`, `5c1f0e9a2b7d`, `auth`     | `symbol`: a partial or full id, or a label  |
 * | `auth@head`, `5c1f@head`           | `branchHead`                                |
 * | `auth@base`                        | `branchBase`                                |
 * | `+2`, `-1`                         | `relative` to the database's current heads  |
 * | `auth@+1`, `auth@-1`               | `relative` to the current head on a branch  |
 * | `head-2`, `5c1f+1`, `auth@head-1`  | `relative` to a named revision              |
 */
export type TargetSyntax =
  | { readonly kind: "heads" }
  | { readonly kind: "head" }
  | { readonly kind: "base" }
  | { readonly kind: "current" }
  | { readonly kind: "symbol"; readonly name: string }
  | { readonly kind: "branchHead"; readonly branch: string }
  | { readonly kind: "branchBase"; readonly branch: string }
  | {
      readonly kind: "relative";
      /** `label@` before the step: walks stay on that branch. */
      readonly branch: string | undefined;
      /** Where the walk starts: undefined for the current heads, else `head`, `base` or a name. */
      readonly from: string | undefined;
      /** Positive walks up (towards the heads), negative walks down. */
      readonly steps: number;
    };

const keywords = new Set(["heads", "head", "base", "current"]);
const relativePattern = /^(?:(\w+)@)?(\w*)([+-]\d+)$/;
const anchoredPattern = /^(\w+)@(head|base)$/;
const symbolPattern = /^\w+$/;

const forms =
  "targets are head, heads, base, a revision id (or its first 4+ characters), a branch label, " +
  "label@head, label@base, +N, -N, label@+N, label@-N, head-N, REV+N or REV-N";

/**
 * Parses one target; a text that fits no form is a usage error (exit 2) naming it, found before
 * any file is loaded or any connection made.
 */
export function parseTarget(text: string): TargetSyntax {
  const target = text.trim();
  if (keywords.has(target)) return { kind: target as "heads" | "head" | "base" | "current" };
  const relative = relativePattern.exec(target);
  if (relative) {
    const steps = Number(relative[3]);
    if (steps === 0 || !Number.isSafeInteger(steps)) {
      throw new UsageError(`'${target}' must step by a whole number other than zero`, forms);
    }
    return { kind: "relative", branch: relative[1], from: relative[2] || undefined, steps };
  }
  const anchored = anchoredPattern.exec(target);
  if (anchored) {
    const branch = anchored[1] as string;
    return anchored[2] === "head" ? { kind: "branchHead", branch } : { kind: "branchBase", branch };
  }
  if (symbolPattern.test(target)) return { kind: "symbol", name: target };
  throw new UsageError(`'${text}' is not a revision target`, forms);
}

/** The two ends of `FROM:TO`; an empty end is undefined (base for FROM, heads for TO). */
export interface TargetRange {
  readonly from: string | undefined;
  readonly to: string | undefined;
}

/**
 * Splits `FROM:TO` (either side may be empty, and neither is parsed here); returns undefined
 * when there is no colon.
 */
export function parseRange(text: string): TargetRange | undefined {
  const parts = text.trim().split(":");
  if (parts.length === 1) return undefined;
  if (parts.length !== 2) throw new UsageError(`'${text}' is not a range: write FROM:TO`);
  const [from, to] = parts.map((part) => part.trim() || undefined);
  return { from, to };
}
