import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * Writes one file of a cache (its folder made as needed): beside it first, then renamed, so a
 * concurrent reader never sees half a file. Never throws: a cache that cannot be written (a
 * read-only or full disk) costs speed, never correctness.
 */
export function writeCacheFile(file: string, data: string | Uint8Array): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, data);
    renameSync(partial, file);
  } catch {
    // Not cached: the next run does the work again.
  }
}
