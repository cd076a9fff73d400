/**
 * TypeORM's metadata builder finds each entity's child entities by asking
 * `MetadataUtils.isInherited(child, parent)` of every pair of entities: 100 million
 * `instanceof` checks at 10,000 entities, the one quadratic step left in the build (a tenth of
 * `check` at 3,000 tables, most of it at 10,000). While autogen builds the metadata, the check
 * answers "no" at once for a parent no entity inherits from, which is nearly every pair, and
 * asks TypeORM's own check otherwise, so every answer is the same as TypeORM's.
 */
interface MetadataUtilsClass {
  isInherited(target1: unknown, target2: unknown): boolean;
}

/**
 * Installs the quick check on the user's `MetadataUtils` for the entity `targets`; returns
 * what puts TypeORM's own back (call it when the build is over, failed or not).
 */
export function quickInheritanceCheck(
  utils: MetadataUtilsClass,
  targets: readonly unknown[],
): () => void {
  const original = utils.isInherited;
  // Each entity class and its place in `targets`.
  const order: unknown[] = [];
  const place = new Map<unknown, number>();
  // Every prototype some entity's prototype inherits from: `a.prototype instanceof b` can
  // only hold for an entity `a` when `b.prototype` is one of them.
  const inherited = new Set<unknown>();
  for (const target of targets) {
    if (typeof target !== "function" || place.has(target)) continue;
    place.set(target, order.length);
    order.push(target);
    const prototype = (target as { prototype?: unknown }).prototype;
    if (typeof prototype !== "object" || prototype === null) continue;
    for (let p = Object.getPrototypeOf(prototype); p !== null; p = Object.getPrototypeOf(p)) {
      inherited.add(p);
    }
  }
  // TypeORM asks about one parent for every entity in turn: whether any entity inherits from
  // it is looked up once per parent, not once per pair (a tenth of `check` at 10,000 tables).
  // It asks about the entities in the order the storage holds them, which is `targets`' order:
  // that `target1` is an entity is then seen by comparing it with the next one in `order`,
  // without a lookup (a lookup per pair was 1.4 s of the build at 10,000 entities).
  let parent: unknown = undefined;
  let someEntityInherits = true;
  let next = 0;
  utils.isInherited = function (target1, target2) {
    if (target2 !== parent) {
      parent = target2;
      someEntityInherits =
        typeof target2 !== "function" ||
        inherited.has((target2 as { prototype?: unknown }).prototype);
      next = 0;
    }
    if (!someEntityInherits) {
      if (order[next] === target1) {
        next += 1;
        return false;
      }
      const at = place.get(target1);
      if (at !== undefined) {
        next = at + 1;
        return false;
      }
    }
    return original.call(this, target1, target2);
  };
  return () => {
    utils.isInherited = original;
  };
}
