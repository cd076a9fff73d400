/**
 * `load()`'s result, computed on the first call and kept. The dialects require their
 * `compile/` and `scratch/` rooms through it: those are most of a dialect's code, and
 * `current`, `heads` and `history`, held to TypeORM's own start-up time, use neither.
 */
export function loadOnce<T>(load: () => T): () => T {
  let loaded: { value: T } | undefined;
  return () => (loaded ??= { value: load() }).value;
}
