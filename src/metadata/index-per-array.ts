/**
 * `build(array)`, kept for each array and built again once the array's length has changed.
 * TypeORM hands the same arrays to its lookups and steps over and over (the args storage's
 * lists, the builder's list of entities) and only ever appends to them, so an index built
 * once per array answers every call in a build.
 */
export function indexPerArray<T, I>(build: (array: readonly T[]) => I): (array: readonly T[]) => I {
  const built = new WeakMap<readonly T[], { length: number; index: I }>();
  return (array) => {
    let known = built.get(array);
    if (known?.length !== array.length) {
      known = { length: array.length, index: build(array) };
      built.set(array, known);
    }
    return known.index;
  };
}
