#!/usr/bin/env node
// Runs the database-facing suites a second time against another PostgreSQL version: the
// PostgreSQL 15 service these machines run at 127.0.0.1:5432 (SECOND_DATABASE_URL overrides),
// while the main run uses the embedded PostgreSQL 17. Skipped, saying so, when that server is
// not there: the main run already covers every test.
"use strict";
const { spawnSync } = require("node:child_process");
const { Client } = require("pg");

const url = process.env.SECOND_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
// The suites whose results depend on the server's version: how PostgreSQL 15 prints defaults,
// checks and types (introspect, canonical forms, the convergence with synchronize) and compiles
// the SQL autogen sends (dialect, runner). `--all` adds the end-to-end, feature and autogen
// suites, the same tests through more layers: too long for npm test's budget, run apart.
const CORE = ["test/convergence", "test/introspect", "test/dialect", "test/runner"];
const MORE = ["test/e2e", "test/features", "test/autogen"];
const all = process.argv.includes("--all");
const SUITES = all ? [...CORE, ...MORE] : CORE;

async function main() {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  let version;
  try {
    await client.connect();
    version = (await client.query("SHOW server_version")).rows[0].server_version;
  } catch {
    const where = new URL(url);
    console.log(`second server: skipped, no PostgreSQL at ${where.hostname}:${where.port || 5432}`);
    return 0;
  } finally {
    await client.end().catch(() => undefined);
  }
  console.log(`second server: PostgreSQL ${version}, suites ${SUITES.join(" ")}`);
  const jest = require.resolve("jest/bin/jest");
  const run = spawnSync(process.execPath, [jest, ...SUITES], {
    stdio: "inherit",
    env: { ...process.env, TEST_DATABASE_URL: url },
  });
  return run.status ?? 1;
}

main().then((code) => process.exit(code));
