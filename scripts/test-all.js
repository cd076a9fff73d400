#!/usr/bin/env node
// The three jest passes of `npm test`, at the same time rather than one after the other: the
// suite (TypeORM 1.x, embedded PostgreSQL 17), the TypeORM 0.3 line, and the second server
// (PostgreSQL 15). Their tests mostly wait on PostgreSQL and child processes, so on two cores
// the three together take about as long as the longest alone. The first pass's output is
// shown as it runs; the others' is kept and shown when each ends. Exit code: 0 only when all
// three pass. Each pass still runs alone as before: `npx jest`, `npm run test:typeorm-0.3`,
// `npm run test:second-server`.
"use strict";
const { spawn } = require("node:child_process");

const jest = require.resolve("jest/bin/jest");
const PASSES = [
  { name: "suite", args: [jest, "--maxWorkers=2"], live: true },
  { name: "typeorm 0.3", args: [jest, "-c", "jest.typeorm-0.3.config.js", "--maxWorkers=1"] },
  { name: "second server", args: ["scripts/second-server.js", "--maxWorkers=2"] },
];

function run(pass) {
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, pass.args, {
      stdio: pass.live ? "inherit" : ["ignore", "pipe", "pipe"],
    });
    const kept = [];
    if (!pass.live) {
      child.stdout.on("data", (chunk) => kept.push(chunk));
      child.stderr.on("data", (chunk) => kept.push(chunk));
    }
    child.on("close", (code) => {
      const seconds = Math.round((Date.now() - started) / 1000);
      if (!pass.live) {
        process.stderr.write(`\n===== ${pass.name} (${seconds} s) =====\n`);
        process.stderr.write(Buffer.concat(kept));
      }
      done({ name: pass.name, code: code ?? 1, seconds });
    });
  });
}

Promise.all(PASSES.map(run)).then((results) => {
  process.stderr.write("\n");
  for (const r of results) {
    process.stderr.write(`${r.code === 0 ? "passed" : "FAILED"}  ${r.name} (${r.seconds} s)\n`);
  }
  process.exit(results.every((r) => r.code === 0) ? 0 : 1);
});
