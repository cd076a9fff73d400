"use strict";
// The benchmark's markdown table, and the issue-10 targets checked against the same run.

const seconds = (ms) => (ms / 1000).toFixed(2);

function printTable(results) {
  const lines = [
    "| tables | command | median (s) | runs (s) | peak RSS (MB) | queries | statements |",
    "|---:|---|---:|---|---:|---:|---:|",
  ];
  for (const r of results) {
    lines.push(
      `| ${r.tables} | ${r.stage} | ${seconds(r.medianMs)} | ${r.samplesMs.map(seconds).join(", ")} | ` +
        `${Math.round(r.peakRssMb)} | ${r.queries} | ${r.statements} |`,
    );
  }
  return lines.join("\n");
}

const find = (results, tables, prefix) =>
  results.find((r) => r.tables === tables && r.stage.startsWith(prefix));

function targetLines(results, opts) {
  const out = [];
  const mark = (ok) => (ok ? "holds" : "MISSES");
  for (const tables of opts.tables) {
    const typeorm = find(results, tables, "typeorm");
    const baseline = find(results, tables, "node -e");
    for (const name of ["revision (5% changed)", "check (no change)"]) {
      const r = results.find((x) => x.tables === tables && x.stage === name);
      if (!r) continue;
      const parts = [`${tables} tables, ${name}: ${seconds(r.medianMs)} s`];
      if (typeorm) {
        const ratio = typeorm.medianMs / r.medianMs;
        parts.push(`${ratio.toFixed(1)}x faster than TypeORM (target 10x: ${mark(ratio >= 10)})`);
      }
      if (tables === 1000) parts.push(`<= 1.5 s: ${mark(r.medianMs <= 1500)}`);
      if (tables > 1000) {
        const base = results.find((x) => x.tables === 1000 && x.stage === name);
        if (base) {
          const factor = r.medianMs / base.medianMs;
          parts.push(
            `${factor.toFixed(1)}x the 1000-table time (target <= 12x: ${mark(factor <= 12)})`,
          );
        }
        parts.push(
          `peak RSS ${Math.round(r.peakRssMb)} MB (target <= 500: ${mark(r.peakRssMb <= 500)})`,
        );
      }
      out.push(`- ${parts.join("; ")}`);
    }
    for (const name of ["current", "heads", "history"]) {
      const r = find(results, tables, name);
      const baselineMs = r?.pairedBaselineMs ?? baseline?.medianMs;
      if (!r || !baselineMs) continue;
      const ratio = r.medianMs / baselineMs;
      out.push(
        `- ${tables} tables, ${name}: ${seconds(r.medianMs)} s = ${ratio.toFixed(2)}x require('typeorm') ` +
          `(${seconds(baselineMs)} s, run before each of its runs; target <= 1.5x: ${mark(ratio <= 1.5)})`,
      );
    }
    const upgrade = find(results, tables, "upgrade");
    const current = find(results, tables, "current");
    if (upgrade && current) {
      const perMigration = (upgrade.medianMs - current.medianMs) / opts.migrations;
      out.push(
        `- ${tables} tables, upgrade: ${perMigration.toFixed(1)} ms per migration beyond a command's start-up ` +
          `(upgrade minus current, / ${opts.migrations}; target <= 5 ms: ${mark(perMigration <= 5)})`,
      );
    }
  }
  return out;
}

module.exports = { printTable, targetLines };
