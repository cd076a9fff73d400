#!/usr/bin/env node
// The larger real-world corpus (`npm run test:realworld`, not part of CI): open-source
// TypeORM + PostgreSQL applications, taken from their public repositories at a pinned commit,
// each checked out into a temp folder (their code is never committed here), its dependencies
// installed with `npm install --ignore-scripts`, and two checks run through the built CLI:
//   sync-check: TypeORM's synchronize of the app on an empty database, then `autogen check`
//               must find nothing;
//   round-trip: on another empty database `revision`, `upgrade`, `check` clean, `downgrade base`.
// Sources: AUTOGEN_REALWORLD_SOURCES is a folder of bare git repositories named
// `<owner>+<name>/repo` (or `<owner>+<name>`); databases are made on AUTOGEN_REALWORLD_URL
// (default: the PostgreSQL at 127.0.0.1:5432). Results go to stdout as a table; see
// docs/real-world.md for the last recorded run.
"use strict";
const { execFileSync, spawnSync } = require("node:child_process");
const { existsSync, mkdtempSync, rmSync, writeFileSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join, resolve } = require("node:path");
const { Client } = require("pg");

const ROOT = resolve(__dirname, "..");
const BIN = join(ROOT, "bin", "autogen.js");
const SYNCHRONIZE = join(ROOT, "test", "realworld", "support", "synchronize.js");
const ADMIN_URL =
  process.env.AUTOGEN_REALWORLD_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const SOURCES = process.env.AUTOGEN_REALWORLD_SOURCES;

/** The corpus: where each app's entities are, at which commit. */
const APPS = [
  {
    repo: "brocoders/nestjs-boilerplate",
    commit: "9620f159",
    entities: ["src/**/infrastructure/persistence/relational/entities/*.entity.ts"],
  },
  {
    repo: "spacebarchat/server",
    commit: "74df883a4",
    entities: ["src/database/entities/*.ts"],
  },
];

const CONFIG = (entities) => `import "reflect-metadata";
import { join } from "node:path";
import { DataSource } from "typeorm";

export default new DataSource({
  type: "postgres",
  url: process.env.DATABASE_URL,
  entities: ${JSON.stringify(entities)}.map((glob) => join(__dirname, glob)),
});
`;

function bareRepo(repo) {
  const name = repo.replace("/", "+");
  for (const candidate of [join(SOURCES, name, "repo"), join(SOURCES, name)]) {
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

function run(command, args, options) {
  const result = spawnSync(command, args, { encoding: "utf8", ...options });
  return { code: result.status ?? 1, output: `${result.stdout ?? ""}${result.stderr ?? ""}` };
}

async function withDatabase(name, fn) {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  try {
    return await fn(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

/** The first line that says why, for the results table. */
const reason = (output) =>
  (
    output.split("\n").find((line) => /error|Error|warning/.test(line)) ??
    output.trim().split("\n")[0] ??
    ""
  )
    .trim()
    .slice(0, 160);

async function checkApp(app, index) {
  const source = bareRepo(app.repo);
  if (!source) return { app, sync: "skipped", roundTrip: "skipped", why: "no source repository" };
  const dir = mkdtempSync(join(tmpdir(), "autogen-realworld-"));
  try {
    execFileSync("git", [
      "--git-dir",
      source,
      "--work-tree",
      dir,
      "checkout",
      app.commit,
      "--",
      ".",
    ]);
    const install = run("npm", ["install", "--ignore-scripts", "--no-audit", "--no-fund"], {
      cwd: dir,
    });
    if (install.code !== 0)
      return {
        app,
        sync: "fail",
        roundTrip: "fail",
        why: `npm install: ${reason(install.output)}`,
      };
    writeFileSync(join(dir, "autogen.config.ts"), CONFIG(app.entities));
    const cli = (args, url) =>
      run(process.execPath, [BIN, ...args, "--config", "autogen.config.ts"], {
        cwd: dir,
        env: { ...process.env, DATABASE_URL: url },
      });

    const sync = await withDatabase(`autogen_realworld_${index}_sync`, async (url) => {
      const synced = run(process.execPath, [SYNCHRONIZE, join(dir, "autogen.config.ts")], {
        cwd: dir,
        env: { ...process.env, DATABASE_URL: url },
      });
      if (synced.code !== 0) return { ok: false, why: `synchronize: ${reason(synced.output)}` };
      const check = cli(["check"], url);
      return check.code === 0
        ? { ok: true }
        : { ok: false, why: `check after synchronize: ${reason(check.output)}` };
    });
    const roundTrip = await withDatabase(`autogen_realworld_${index}_trip`, async (url) => {
      for (const args of [
        ["revision", "-m", "initial"],
        ["upgrade"],
        ["check"],
        ["downgrade", "base"],
      ]) {
        const step = cli(args, url);
        if (step.code !== 0) return { ok: false, why: `${args[0]}: ${reason(step.output)}` };
      }
      return { ok: true };
    });
    return {
      app,
      sync: sync.ok ? "pass" : "fail",
      roundTrip: roundTrip.ok ? "pass" : "fail",
      why: [sync.why, roundTrip.why].filter(Boolean).join("; "),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  if (!SOURCES) {
    console.error(
      "Set AUTOGEN_REALWORLD_SOURCES to a folder of bare repositories (<owner>+<name>).",
    );
    return 2;
  }
  if (!existsSync(join(ROOT, "dist", "cli", "main.js")))
    execFileSync("npm", ["run", "build"], { cwd: ROOT });
  const results = [];
  for (const [index, app] of APPS.entries()) results.push(await checkApp(app, index));
  console.log("| app | commit | synchronize, then check | revision round-trip | why |");
  console.log("|---|---|---|---|---|");
  for (const r of results)
    console.log(`| ${r.app.repo} | ${r.app.commit} | ${r.sync} | ${r.roundTrip} | ${r.why} |`);
  return results.every((r) => r.sync === "pass" && r.roundTrip === "pass") ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
