import { join } from "node:path";
import type { CanonicalCache } from "../dialect/dialect";
import { readText } from "../loader/read-text";
import { cacheDirectory } from "../loader/transpile-cache";
import type { Table } from "../schema/model";
import { writeCacheFile } from "../loader/cache-file";

/** A canonical-table cache kept in one file, written back once the comparison is done. */
export interface CanonicalStore extends CanonicalCache {
  /** Writes the entries back when this run added any; a failed write is only a lost speed-up. */
  save(): void;
}

/** Entries kept besides the ones this run used, so that two projects sharing a cache both hit. */
const KEPT_UNUSED = 20_000;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const autogenVersion = (): string => (require("../../package.json") as { version: string }).version;

/**
 * The canonical form of each model table from earlier runs (see `canonicalizeSchema`): on a
 * project where few entities changed, PostgreSQL is asked only about those. One JSON file per
 * autogen version, in the cache folder the transpile cache uses (`AUTOGEN_CACHE=off` turns
 * both off); undefined when there is none. One file rather than one per table: a 1000-table
 * project then costs one read.
 */
export function openCanonicalStore(
  env: NodeJS.ProcessEnv = process.env,
): CanonicalStore | undefined {
  const dir = cacheDirectory(env);
  if (dir === undefined) return undefined;
  const file = join(dir, `canonical-${autogenVersion()}.json`);
  let stored: Record<string, Table> | undefined;
  const entries = (): Record<string, Table> => {
    if (stored === undefined) {
      try {
        // Megabytes at 1,000 tables: read as text without decoding where it is ASCII.
        stored = (JSON.parse(readText(file)) as { entries: Record<string, Table> }).entries;
      } catch {
        stored = {};
      }
    }
    return stored;
  };
  const used = new Map<string, Table>();
  let added = false;
  return {
    get(key) {
      const table = Object.hasOwn(entries(), key) ? entries()[key] : undefined;
      if (table !== undefined) used.set(key, table);
      return table;
    },
    set(key, table) {
      used.set(key, table);
      added = true;
    },
    save() {
      if (!added) return;
      const kept: Record<string, Table> = Object.fromEntries(used);
      let room = KEPT_UNUSED;
      for (const [key, table] of Object.entries(entries())) {
        if (room-- <= 0) break;
        if (!used.has(key)) kept[key] = table;
      }
      writeCacheFile(file, JSON.stringify({ entries: kept }));
    },
  };
}
