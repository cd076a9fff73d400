import type * as Pg from "pg";

let loaded: typeof Pg | undefined;

/**
 * node-postgres, required once. On Node 20, which has no `navigator`, pg's start-up probe
 * for Cloudflare Workers constructs a `Response`, and with it loads Node's whole fetch
 * implementation (about 35 ms, a tenth of `autogen current`). While pg loads, a `navigator`
 * like the one Node 21 defines answers the probe instead; it is removed right after, so
 * neither the user's code nor anything else ever sees it.
 *
 * Called before the config file loads (see load-config.ts): TypeORM requires pg when the
 * DataSource is constructed, and finds this copy in the module cache when it resolves to
 * the same package, as it does in a project with one pg.
 */
export function pgModule(): typeof Pg {
  if (loaded) return loaded;
  const global = globalThis as { navigator?: unknown };
  const shim = !("navigator" in globalThis);
  if (shim) {
    const major = process.versions.node.split(".")[0] ?? "";
    Object.defineProperty(globalThis, "navigator", {
      value: { userAgent: `Node.js/${major}` },
      configurable: true,
    });
  }
  try {
    // Required here rather than imported: this function is the one place pg loads from.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require("pg") as typeof Pg;
  } finally {
    if (shim) delete global.navigator;
  }
  return loaded;
}
