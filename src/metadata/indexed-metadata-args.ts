/**
 * TypeORM's MetadataArgsStorage answers "the columns (relations, indices, ...) of this class"
 * by filtering the array of every column of every class, once per entity and per kind: the
 * metadata build is quadratic in the number of entities (a tenth of `revision`'s time at
 * 1,000 tables, most of it at 10,000). This gives the storage's three filters an index by
 * target, with the same results in the same order, rebuilt whenever an array has grown.
 */
import { indexPerArray } from "./index-per-array";

type Target = unknown;
interface Arg {
  readonly target: Target;
  readonly propertyName?: string;
  type?: unknown;
}
type Storage = Record<string, unknown> & {
  filterByTarget(array: Arg[], target: Target | Target[]): Arg[];
  filterByTargetAndWithoutDuplicateProperties(array: Arg[], target: Target | Target[]): Arg[];
  filterByTargetAndWithoutDuplicateRelationProperties(
    array: Arg[],
    target: Target | Target[],
  ): Arg[];
};

type Index = Map<Target, { item: Arg; at: number }[]>;

const indexOf = indexPerArray((array: readonly Arg[]): Index => {
  const map: Index = new Map();
  array.forEach((item, at) => {
    const list = map.get(item.target);
    if (list) list.push({ item, at });
    else map.set(item.target, [{ item, at }]);
  });
  return map;
});

/** The items of `array` whose target is `target` (or one of `target`), in array order. */
function byTarget(array: Arg[], target: Target | Target[]): Arg[] {
  const index = indexOf(array);
  if (!Array.isArray(target)) return (index.get(target) ?? []).map((e) => e.item);
  const found = [...new Set(target)].flatMap((t) => index.get(t) ?? []);
  return found.sort((a, b) => a.at - b.at).map((e) => e.item);
}

/** Storages already indexed (a project may load a second copy of TypeORM). */
const installed = new WeakSet<object>();

/**
 * Installs the indexed filters on the user's TypeORM's global storage (once; they are pure
 * lookups). The storage is passed in: it is the one of the TypeORM the entities were decorated
 * with, not necessarily ours.
 */
export function indexMetadataArgs(metadataArgsStorage: object): void {
  const storage = metadataArgsStorage as unknown as Storage;
  if (installed.has(storage)) return;
  installed.add(storage);
  const list = (name: string) => storage[name] as Arg[];
  const named = (items: Arg[], propertyName: string) =>
    items.filter((item) => item.propertyName === propertyName);
  for (const [method, array] of [
    ["filterIndices", "indices"],
    ["filterForeignKeys", "foreignKeys"],
    ["filterUniques", "uniques"],
    ["filterChecks", "checks"],
    ["filterExclusions", "exclusions"],
  ] as const) {
    storage[method] = (target: Target) => byTarget(list(array), target);
  }
  storage.findTree = (target: Target) => byTarget(list("trees"), target)[0];
  storage.findGenerated = (target: Target, propertyName: string) =>
    named(byTarget(list("generations"), target), propertyName)[0];
  // These two compare the target itself, never a list of them.
  const exactly = (target: Target) => (Array.isArray(target) ? [] : target);
  storage.findJoinTable = (target: Target, propertyName: string) =>
    named(byTarget(list("joinTables"), exactly(target)), propertyName)[0];
  storage.filterJoinColumns = (target: Target, propertyName: string) =>
    named(byTarget(list("joinColumns"), exactly(target)), propertyName);
  storage.findInheritanceType = (target: Target) =>
    byTarget(list("inheritances"), exactly(target))[0];
  storage.findDiscriminatorValue = (target: Target) =>
    byTarget(list("discriminatorValues"), exactly(target))[0];
  storage.filterByTarget = (array, target) => byTarget(array, target);
  storage.filterByTargetAndWithoutDuplicateProperties = (array, target) => {
    const seen = new Set<string | undefined>();
    return byTarget(array, target).filter((item) => {
      if (seen.has(item.propertyName)) return false;
      seen.add(item.propertyName);
      return true;
    });
  };
  // TypeORM's own loop, over the target's items only: a relation redeclared by a class
  // nearer the entity in `target` (a child overriding its parent's) takes that one's type.
  storage.filterByTargetAndWithoutDuplicateRelationProperties = (array, target) => {
    const result: Arg[] = [];
    for (const item of byTarget(array, target)) {
      const existing = result.findIndex((r) => r.propertyName === item.propertyName);
      const previous = existing === -1 ? undefined : result[existing];
      if (
        Array.isArray(target) &&
        previous !== undefined &&
        target.indexOf(item.target) < target.indexOf(previous.target)
      ) {
        const clone = Object.create(previous) as Arg;
        clone.type = item.type;
        result[existing] = clone;
      } else if (existing === -1) {
        result.push(item);
      }
    }
    return result;
  };
}
