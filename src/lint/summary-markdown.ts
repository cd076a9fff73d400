import { formatRows } from "./hazard-lines";
import { summaryTableName, type DiffSummary, type SummaryHazard } from "./diff-summary";

/** A table cell: pipes would end the cell, newlines the row. */
const cell = (text: string): string => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
const yesNo = (b: boolean): string => (b ? "yes" : "no");
const rowsText = (rows: number | null): string => (rows === null ? "?" : formatRows(rows));

function hazardList(title: string, list: readonly SummaryHazard[]): string[] {
  if (list.length === 0) return [`**${title}:** none`, ""];
  return [`**${title}:**`, "", ...list.map((h) => `- ${cell(h.text)}`), ""];
}

/**
 * The diff as a pull-request comment (GitHub-flavoured markdown): the tables with their rows,
 * strongest lock and rewrite; one row per operation; the hazards of both directions; the
 * rename decisions; the SQL folded away.
 */
export function summaryMarkdown(summary: DiffSummary): string {
  if (!summary.changes) {
    return "### autogen diff\n\nNo changes: the entities and the database match.\n";
  }
  const s = summary.operations.length === 1 ? "" : "s";
  const lines = [
    `### autogen diff: ${summary.operations.length} operation${s} on ${summary.tables.length} table(s)`,
    "",
    `Reversible: **${yesNo(summary.reversible)}**`,
    "",
    "| Table | Rows | Lock | Rewrite |",
    "| --- | --- | --- | --- |",
    ...summary.tables.map(
      (t) =>
        `| ${cell(summaryTableName(t))} | ${rowsText(t.rows)} | ${t.lock ?? "none"} | ${yesNo(t.rewrite)} |`,
    ),
    "",
    "| # | Operation | Lock | Rewrite | Reversible | Hazards |",
    "| --- | --- | --- | --- | --- | --- |",
    ...summary.operations.map(
      (op, i) =>
        `| ${i + 1} | ${cell(op.description)} | ${op.lock ?? "none"} | ${yesNo(op.rewrite)} | ${yesNo(op.reversible)} | ${op.hazards.join(", ") || "none"} |`,
    ),
    "",
    ...hazardList("Upgrade hazards", summary.hazards.upgrade),
    ...hazardList("Downgrade hazards", summary.hazards.downgrade),
  ];
  const warnings = summary.review.filter((line) => line.startsWith("WARNING: "));
  if (warnings.length > 0)
    lines.push("**Warnings:**", "", ...warnings.map((w) => `- ${cell(w)}`), "");
  const { decided, undecided } = summary.renames;
  if (decided.length + undecided.length > 0) {
    lines.push("**Renames:**", "");
    for (const r of decided) {
      const where = r.table === null ? "table" : `column of ${JSON.stringify(r.table)}`;
      lines.push(
        `- ${where} ${JSON.stringify(r.from)} -> ${JSON.stringify(r.to)}: renamed, rows kept`,
      );
    }
    for (const r of undecided) {
      lines.push(
        `- ${JSON.stringify(r.from)} -> ${JSON.stringify(r.to)}: dropped and added, data lost unless \`${r.flag}\``,
      );
    }
    lines.push("");
  }
  lines.push(
    "<details><summary>SQL</summary>",
    "",
    "```sql",
    ...summary.sql.map((q) => `${q};`),
    "```",
    "",
    "</details>",
    "",
  );
  return lines.join("\n");
}
