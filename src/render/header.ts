import { visibleText } from "./string-literal";

/** What the comment at the top of a migration file states. */
export interface HeaderFacts {
  readonly message: string;
  readonly revision: string;
  readonly downRevision: string | readonly string[] | null;
  readonly branchLabels?: readonly string[];
  readonly dependsOn?: readonly string[];
  readonly createdAt: Date;
  readonly review: readonly string[];
}

/**
 * Text placed in a block comment: one entry per line, invisible characters spelled out, a
 * `*\/` inside can no longer end the comment early, and trailing blanks are dropped (they
 * are invisible in a review).
 */
export function commentLines(text: string): string[] {
  return text
    .split(/\r\n|[\n\r\u2028\u2029]/)
    .map((line) => visibleText(line).replaceAll("*/", "*\\/").trimEnd());
}

const list = (values: readonly string[]): string => values.join(", ");

/** `2026-11-21 22:00:00 UTC`: second precision, always UTC, so it does not depend on the machine. */
export function formatCreatedAt(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

function revises(downRevision: string | readonly string[] | null): string {
  if (downRevision === null) return "(none)";
  return typeof downRevision === "string" ? downRevision : list(downRevision);
}

/**
 * The block comment that opens a migration file: the message, the revision facts, and the
 * review notes (warnings first is the caller's choice; they are kept in the order given).
 */
export function renderHeader(facts: HeaderFacts): string {
  const trimmed = facts.message.trim();
  const message = trimmed === "" ? ["(no message)"] : commentLines(trimmed);
  const lines = [
    ...message,
    "",
    ...commentLines(`Revision ID: ${facts.revision}`),
    ...commentLines(`Revises: ${revises(facts.downRevision)}`),
  ];
  if (facts.branchLabels?.length) {
    lines.push(...commentLines(`Branch labels: ${list(facts.branchLabels)}`));
  }
  if (facts.dependsOn?.length) {
    lines.push(...commentLines(`Depends on: ${list(facts.dependsOn)}`));
  }
  lines.push(`Created: ${formatCreatedAt(facts.createdAt)}`);
  if (facts.review.length > 0) {
    lines.push("", "Review:");
    for (const note of facts.review) {
      const [first = "", ...rest] = commentLines(note);
      lines.push(`- ${first}`.trimEnd(), ...rest.map((line) => (line === "" ? "" : `  ${line}`)));
    }
  }
  const body = lines.map((line) => (line === "" ? " *" : ` * ${line}`));
  return ["/**", ...body, " */", ""].join("\n");
}
