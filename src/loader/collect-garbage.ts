import v8 from "node:v8";
import vm from "node:vm";

/**
 * Below this much live-and-dead heap a collection is not worth its pause: a project of
 * 1,000 entities never gets near it, one of 10,000 passes it after its entity files load.
 */
export const LARGE_HEAP = 200 * 1024 * 1024;

/**
 * A full garbage collection now, when the heap holds more than `threshold` bytes; true when
 * one ran. Called between the pipeline's stages (entity files loaded, metadata built, model
 * made), where each stage leaves much garbage behind: V8 would collect it later, at a heap
 * sized from what is live at its own collections, and that heap sets the peak memory. At
 * 10,000 entity files these collections take 0.2 to 0.3 s each and, with the code cache left
 * out there, lower the peak by about 120 MB, to under 500 (docs/performance.md).
 *
 * Node offers `gc()` only to processes started with `--expose-gc`; the flag is turned on
 * just long enough to take the function from a new context, as jest does for
 * `--logHeapUsage`, and turned off again so the user's code sees no `gc` it did not ask for.
 */
export function collectGarbageIfLarge(threshold = LARGE_HEAP): boolean {
  if (v8.getHeapStatistics().used_heap_size <= threshold) return false;
  const collect = collector();
  if (collect === null) return false;
  collect();
  return true;
}

let found: (() => void) | null | undefined;

function collector(): (() => void) | null {
  if (found !== undefined) return found;
  const exposed = (globalThis as { gc?: unknown }).gc;
  if (typeof exposed === "function") return (found = exposed as () => void);
  try {
    v8.setFlagsFromString("--expose-gc");
    const fromContext: unknown = vm.runInNewContext("typeof gc === 'function' ? gc : null");
    found = typeof fromContext === "function" ? (fromContext as () => void) : null;
  } catch {
    // A runtime without the flag only keeps its garbage longer.
    found = null;
  } finally {
    v8.setFlagsFromString("--no-expose-gc");
  }
  return found;
}
