#!/usr/bin/env node
"use strict";
// Whole-process benchmark (issue 10). For each table count: generate a TypeScript project,
// bring a fresh database to its base schema (TypeORM's schema:sync), time `check`, change 5%
// of the tables, time `revision` next to TypeORM's own `migration:generate` (through
// typeorm-ts-node-commonjs, as its docs say to run it) on the same database, then time
// `upgrade` of 100 empty migrations and `current`/`heads`/`history`, against the baseline
// `node -e "require('typeorm')"`. Median of --runs, peak RSS and the SQL sent per process.
//
//   npm run build && npm run bench -- --tables 100,1000 [--runs 3] [--stages check,revision]
//     [--typeorm-max-tables 1000] [--typeorm-runs N] [--database-url postgres://postgres@127.0.0.1:5432/postgres]
//     [--db-prefix autogen_bench] [--listing-runs 7] [--keep]
const { spawnSync } = require("node:child_process");
const {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} = require("node:fs");
const { tmpdir } = require("node:os");
const { join, resolve } = require("node:path");
const { Client } = require("pg");
const { generateProject, changeEntities, writeEmptyMigrations } = require("./generate-project");
const { printTable, targetLines } = require("./report");

const ROOT = resolve(__dirname, "..", "..");
const STAGES = [
  "baseline",
  "check",
  "revision",
  "typeorm",
  "upgrade",
  "current",
  "heads",
  "history",
];

function parseArgs(argv) {
  const value = (name, fallback) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
  };
  return {
    tables: value("tables", "100,1000").split(",").map(Number),
    runs: Number(value("runs", "3")),
    stages: value("stages", STAGES.join(",")).split(","),
    typeormMaxTables: Number(value("typeorm-max-tables", "1000")),
    typeormRuns: Number(value("typeorm-runs", value("runs", "3"))),
    migrations: Number(value("migrations", "100")),
    // Listing commands take a fifth of a second: more runs cost little and steady the median.
    listingRuns: Number(value("listing-runs", String(Math.max(7, Number(value("runs", "3")))))),
    serverUrl: value(
      "database-url",
      process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
    ),
    dbPrefix: value("db-prefix", "autogen_bench"),
    keep: argv.includes("--keep"),
  };
}

/** The listing commands' yardstick: a process that only loads TypeORM. */
const BASELINE = ["-e", "require('typeorm')"];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs one process with the query counter preloaded; wall time, exit code and its stats. */
function runProcess(args, { cwd, env }) {
  const statsFile = join(cwd, ".bench-stats.json");
  rmSync(statsFile, { force: true });
  const started = process.hrtime.bigint();
  const child = spawnSync(
    process.execPath,
    ["--require", join(__dirname, "count-queries.js"), ...args],
    {
      cwd,
      env: { ...process.env, ...env, BENCH_STATS_FILE: statsFile },
      encoding: "utf8",
      // TypeORM logs every query of schema:sync: far more than the default 1 MB.
      maxBuffer: 1 << 30,
    },
  );
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const stats = existsSync(statsFile) ? JSON.parse(readFileSync(statsFile, "utf8")) : {};
  return { ms, status: child.status, stdout: child.stdout, stderr: child.stderr, ...stats };
}

/** `runs` timed runs of one stage; `before` resets state between runs and is not timed. */
function stage(results, name, tables, runs, args, options, { before, expect = [0] } = {}) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    before?.();
    const r = runProcess(args, options);
    if (!expect.includes(r.status)) {
      throw new Error(
        `${name} (${tables} tables) exited ${r.status}:\n${r.stderr.slice(-2000)}${r.stdout.slice(-1000)}`,
      );
    }
    samples.push(r);
    process.stderr.write(`  ${name}: ${(r.ms / 1000).toFixed(2)} s\n`);
  }
  const row = {
    stage: name,
    tables,
    runs: samples.length,
    medianMs: median(samples.map((s) => s.ms)),
    samplesMs: samples.map((s) => Math.round(s.ms)),
    peakRssMb: Math.max(...samples.map((s) => s.rssMb ?? 0)),
    queries: median(samples.map((s) => s.queries ?? 0)),
    statements: median(samples.map((s) => s.statements ?? 0)),
    exitCode: samples[0].status,
  };
  results.push(row);
  return row;
}

async function withServer(url, fn) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function benchTables(tables, opts, results) {
  const dir = join(tmpdir(), `autogen-bench-${tables}`);
  const database = `${opts.dbPrefix}_${tables}`;
  const url = new URL(opts.serverUrl);
  url.pathname = `/${database}`;
  const databaseUrl = url.toString();
  const cacheDir = join(dir, ".autogen-cache");
  const env = { DATABASE_URL: databaseUrl, AUTOGEN_CACHE_DIR: cacheDir };
  const options = { cwd: dir, env };
  const autogen = (...args) => [join(ROOT, "bin", "autogen.js"), ...args];
  const typeormCli = (...args) => [
    join(dir, "node_modules", "typeorm", "cli-ts-node-commonjs.js"),
    ...args,
  ];
  const has = (s) => opts.stages.includes(s);

  process.stderr.write(`${tables} tables: generating ${dir}\n`);
  generateProject(dir, tables, join(ROOT, "node_modules"));
  await withServer(opts.serverUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${database}"`);
  });
  process.stderr.write(`${tables} tables: bringing ${database} to the base schema\n`);
  if (tables <= opts.typeormMaxTables) {
    const sync = runProcess(typeormCli("schema:sync", "-d", "ormconfig.ts"), {
      cwd: dir,
      env: { ...env, TS_NODE_TRANSPILE_ONLY: "true" },
    });
    if (sync.status !== 0) {
      throw new Error(
        `schema:sync failed (${sync.status}):\n${sync.stderr}${sync.stdout.slice(-2000)}`,
      );
    }
  } else {
    // Past TypeORM's limit its schema:sync takes longer than the whole benchmark (it was still
    // running after 8 minutes at 10,000 tables): autogen builds the same base with a revision
    // and an upgrade, then forgets both, so the database holds the entities' schema only.
    // The base migration runs without a transaction: creating 10,000 tables in one takes
    // more locks than PostgreSQL's default lock table holds (docs/troubleshooting.md).
    const step = (...args) => {
      const done = runProcess(autogen(...args), options);
      if (done.status !== 0) throw new Error(`autogen ${args[0]} failed:\n${done.stderr}`);
    };
    step("revision", "-m", "base");
    for (const file of readdirSync(join(dir, "migrations"))) {
      const path = join(dir, "migrations", file);
      const text = readFileSync(path, "utf8");
      writeFileSync(
        path,
        text.replace(
          "export async function upgrade",
          "export const transaction = false;\n\nexport async function upgrade",
        ),
      );
    }
    step("upgrade");
    rmSync(join(dir, "migrations"), { recursive: true, force: true });
    mkdirSync(join(dir, "migrations"));
    await withServer(databaseUrl, (c) =>
      c.query("DROP TABLE autogen_version, autogen_version_history"),
    );
  }

  const run = (name, args, extra) => stage(results, name, tables, opts.runs, args, options, extra);
  if (has("baseline")) run("node -e \"require('typeorm')\"", BASELINE);
  if (has("check")) {
    rmSync(cacheDir, { recursive: true, force: true });
    stage(results, "check (no change, cold cache)", tables, 1, autogen("check"), options);
    run("check (no change)", autogen("check"));
  }
  changeEntities(dir, tables);
  const migrations = join(dir, "migrations");
  const clearMigrations = () => {
    rmSync(migrations, { recursive: true, force: true });
    mkdirSync(migrations);
  };
  if (has("revision")) {
    stage(
      results,
      "revision (5% changed, cold cache)",
      tables,
      1,
      autogen("revision", "-m", "bench"),
      {
        ...options,
      },
      {
        before: () => {
          clearMigrations();
        },
      },
    );
    run("revision (5% changed)", autogen("revision", "-m", "bench"), { before: clearMigrations });
  }
  if (has("typeorm") && tables <= opts.typeormMaxTables) {
    const out = join(dir, "typeorm-migrations");
    stage(
      results,
      "typeorm migration:generate (ts-node)",
      tables,
      opts.typeormRuns,
      typeormCli("migration:generate", "-d", "ormconfig.ts", join(out, "Bench")),
      options,
      { before: () => rmSync(out, { recursive: true, force: true }) },
    );
  }
  clearMigrations();
  writeEmptyMigrations(dir, opts.migrations);
  const resetVersions = () =>
    spawnSync("psql", [
      databaseUrl,
      "-qAtc",
      "DROP TABLE IF EXISTS autogen_version, autogen_version_history",
    ]);
  if (has("upgrade"))
    run(`upgrade (${opts.migrations} empty migrations)`, autogen("upgrade"), {
      before: resetVersions,
    });
  else
    spawnSync(process.execPath, autogen("upgrade"), { cwd: dir, env: { ...process.env, ...env } });
  // The listing targets are ratios to `require('typeorm')`, a 0.2 s process whose time moves
  // with the machine's load from minute to minute: each listing run is paired with a baseline
  // run taken right before it, and the ratio uses the baseline's median of those same pairs.
  for (const name of ["current", "heads", "history"]) {
    if (!has(name)) continue;
    const baselineSamples = [];
    const row = stage(results, name, tables, opts.listingRuns, autogen(name), options, {
      before: () => baselineSamples.push(runProcess(BASELINE, options).ms),
    });
    row.pairedBaselineMs = median(baselineSamples);
  }

  if (!opts.keep) {
    rmSync(dir, { recursive: true, force: true });
    await withServer(opts.serverUrl, (c) =>
      c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`),
    );
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(join(ROOT, "dist", "cli", "main.js")))
    throw new Error("Run `npm run build` first.");
  const results = [];
  const outDir = join(ROOT, "bench-results");
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `bench-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  const machine = {
    cpus: require("node:os").cpus().length,
    loadavg: require("node:os").loadavg(),
    node: process.version,
  };
  for (const tables of opts.tables) {
    await benchTables(tables, opts, results);
    // Written after each size, so a failure at 10,000 tables keeps the smaller ones.
    writeFileSync(file, JSON.stringify({ options: opts, machine, results }, null, 2));
  }
  const table = printTable(results);
  const targets = targetLines(results, opts);
  console.log(table);
  console.log("");
  console.log(targets.join("\n"));
  writeFileSync(file, JSON.stringify({ options: opts, machine, results, targets }, null, 2));
  console.log(`\nJSON: ${file}`);
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
