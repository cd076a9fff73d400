import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type * as Render from "../../src/render";
import { sampleOperations } from "./support/sample-operations";

/**
 * The worker thread runs the compiled entry (dist/render/render-worker-entry.js, built by
 * `npm test` first), so this test uses the compiled module too, as the CLI does.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const compiled = require(resolve(__dirname, "../../dist/render")) as typeof Render;

/**
 * The start of a script run in its own process: the compiled render stage as `render`, and
 * the worker threads started and stopped counted in `started` and `stopped`.
 */
const withWorkerCount = `
  const render = require(${JSON.stringify(resolve(__dirname, "../../dist/render"))});
  const threads = require("node:worker_threads");
  let started = 0;
  let stopped = 0;
  const Worker = threads.Worker;
  threads.Worker = class extends Worker {
    constructor(...args) { super(...args); started += 1; this.on("exit", () => (stopped += 1)); }
  };
`;

const input: Render.MigrationFileInput = {
  message: "add users",
  revision: "5c1f0e9a2b7d",
  downRevision: null,
  createdAt: new Date("2026-11-21T22:00:00.789Z"),
  upgrade: sampleOperations,
  downgrade: [...sampleOperations].reverse(),
  review: ['WARNING: drops column "posts"."legacy" (data in it is lost)'],
};

describe("rendering in the prepared worker thread", () => {
  it("gives the same bytes as rendering in the command's own thread", async () => {
    compiled.prepareRenderer();
    const fromWorker = await compiled.renderMigrationFile(input);
    expect(fromWorker).toBe(compiled.renderMigration(input));
  });

  it("leaves ts-morph out of the command's thread", () => {
    const simple = { ...input, upgrade: [], downgrade: [], createdAt: undefined };
    const script = `
      const render = require(${JSON.stringify(resolve(__dirname, "../../dist/render"))});
      render.prepareRenderer();
      render.renderMigrationFile({ ...${JSON.stringify(simple)}, createdAt: new Date() }).then((text) => {
        const loaded = Object.keys(require.cache).some((m) => /[\\/]ts-morph[\\/]/.test(m));
        process.stdout.write(JSON.stringify({ rendered: text.includes("add users"), loaded }));
      });
    `;
    const out = execFileSync(process.execPath, ["-e", script], { encoding: "utf8" });
    expect(JSON.parse(out)).toEqual({ rendered: true, loaded: false });
  });

  it("keeps the command alive while the worker renders, even when something else listens to it", () => {
    // An instrumentation library that listens to every worker's messages stops Node from
    // ref-ing the worker when the render's own listener is added: without the worker being
    // ref-ed while it renders, the process ended with nothing written and exit code 0.
    const preload = `
      const threads = require("node:worker_threads");
      const Worker = threads.Worker;
      threads.Worker = class extends Worker {
        constructor(...args) { super(...args); this.on("message", () => undefined); }
      };
    `;
    const simple = { ...input, upgrade: [], downgrade: [], createdAt: undefined };
    const script = `
      const render = require(${JSON.stringify(resolve(__dirname, "../../dist/render"))});
      render.prepareRenderer();
      setTimeout(() => {
        render.renderMigrationFile({ ...${JSON.stringify(simple)}, createdAt: new Date() })
          .then((text) => process.stdout.write(String(text.includes("add users"))));
      }, 1500);
    `;
    const out = execFileSync(process.execPath, ["-e", `${preload}\n${script}`], {
      encoding: "utf8",
    });
    expect(out).toBe("true");
  });

  it("stops the worker once the project is known to be past LARGE_PROJECT entities: ts-morph loads in the command's thread", () => {
    const simple = { ...input, upgrade: [], downgrade: [], createdAt: undefined };
    const script = `
      ${withWorkerCount}
      render.prepareRenderer();
      render.sizeRenderer(render.LARGE_PROJECT + 1);
      // Known to be large: not started again.
      render.prepareRenderer();
      render.renderMigrationFile({ ...${JSON.stringify(simple)}, createdAt: new Date() }).then((text) => {
        const loaded = Object.keys(require.cache).some((m) => /[\\/]ts-morph[\\/]/.test(m));
        setTimeout(() => {
          process.stdout.write(JSON.stringify({ rendered: text.includes("add users"), loaded, started, stopped }));
        }, 100);
      });
    `;
    const out = execFileSync(process.execPath, ["-e", script], { encoding: "utf8" });
    expect(JSON.parse(out)).toEqual({ rendered: true, loaded: true, started: 1, stopped: 1 });
  });

  it("keeps the worker for a project of LARGE_PROJECT entities or fewer", () => {
    const script = `
      ${withWorkerCount}
      render.prepareRenderer();
      render.sizeRenderer(render.LARGE_PROJECT);
      render.prepareRenderer();
      setTimeout(() => process.stdout.write(JSON.stringify({ started, stopped })), 100);
    `;
    const out = execFileSync(process.execPath, ["-e", script], { encoding: "utf8" });
    expect(JSON.parse(out)).toEqual({ started: 1, stopped: 0 });
  });

  it("starts no worker, before the size is known, for a project that was large when last sized", () => {
    const cache = mkdtempSync(join(tmpdir(), "autogen-render-size-"));
    /** Prepares for project "p", then sizes it as `entities` when given: workers started. */
    const run = (entities?: number): number => {
      const script = `
        ${withWorkerCount}
        render.prepareRenderer("p");
        ${entities === undefined ? "" : `render.sizeRenderer(${entities});`}
        process.stdout.write(String(started));
        process.exit(0);
      `;
      const out = execFileSync(process.execPath, ["-e", script], {
        env: { ...process.env, AUTOGEN_CACHE_DIR: cache },
        encoding: "utf8",
      });
      return Number(out);
    };
    try {
      expect(run(compiled.LARGE_PROJECT + 1)).toBe(1);
      expect(run()).toBe(0);
      // Smaller now: remembered as such, and the next run prepares a worker again.
      expect(run(10)).toBe(0);
      expect(run()).toBe(1);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it("keeps ts-morph out of the code cache when it loads in the command's thread for a large project", () => {
    const simple = { ...input, upgrade: [], downgrade: [], createdAt: undefined };
    /** How many code cache entries one in-thread render writes, for a project of `entities`. */
    const cacheEntries = (entities: number | null): number => {
      const dir = mkdtempSync(join(tmpdir(), "autogen-render-cache-"));
      try {
        const script = `
          require(${JSON.stringify(resolve(__dirname, "../../dist/loader/code-cache"))}).installCodeCache();
          const render = require(${JSON.stringify(resolve(__dirname, "../../dist/render"))});
          ${entities === null ? "" : `render.sizeRenderer(${entities}); render.prepareRenderer();`}
          render.renderMigrationFile({ ...${JSON.stringify(simple)}, createdAt: new Date() });
        `;
        execFileSync(process.execPath, ["-e", script], {
          env: { ...process.env, AUTOGEN_CACHE_DIR: dir },
        });
        return readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith(".bin"))
          .length;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };

    // Unprepared, the render runs in this thread with the cache: ts-morph and the compiler
    // (at least two modules) are cached; past LARGE_PROJECT they are not.
    expect(cacheEntries(null) - cacheEntries(compiled.LARGE_PROJECT + 1)).toBeGreaterThanOrEqual(2);
  });

  (process.platform === "linux" ? it : it.skip)(
    "runs the worker at the lowest CPU priority, so ts-morph loads on what the command and PostgreSQL leave idle",
    () => {
      const simple = { ...input, upgrade: [], downgrade: [], createdAt: undefined };
      const script = `
        const fs = require("node:fs");
        const render = require(${JSON.stringify(resolve(__dirname, "../../dist/render"))});
        // Field 19 of /proc/<pid>/task/<tid>/stat is the thread's nice value.
        const nices = () => fs.readdirSync("/proc/self/task").map((tid) => {
          try {
            const stat = fs.readFileSync("/proc/self/task/" + tid + "/stat", "utf8");
            return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
          } catch { return 0; }
        });
        const seen = new Set(nices());
        render.prepareRenderer();
        const poll = setInterval(() => nices().forEach((n) => seen.add(n)), 5);
        render.renderMigrationFile({ ...${JSON.stringify(simple)}, createdAt: new Date() }).then(() => {
          clearInterval(poll);
          process.stdout.write(JSON.stringify({ main: nices()[0], seen: [...seen].sort((a, b) => a - b) }));
        });
      `;
      const out = execFileSync(process.execPath, ["-e", script], { encoding: "utf8" });
      const { main, seen } = JSON.parse(out) as { main: number; seen: number[] };
      expect(seen).toContain(19);
      expect(main).not.toBe(19);
    },
  );

  it("renders in the command's thread when no worker was prepared", async () => {
    expect(await compiled.renderMigrationFile(input)).toBe(compiled.renderMigration(input));
  });
});
