/**
 * TypeORM's metadata builder finds the entity at the other end of every relation by
 * searching the array of every entity (`computeInverseProperties`): a scan of 10,000
 * entities per relation at 10,000 tables, a second of the build. The step receives the array
 * it searches, so while autogen builds the metadata each entity's step is handed the
 * entities its relations can name, in their order: the search finds the same entity, or
 * none and the same error, as it would in the whole array.
 */
import { indexPerArray } from "./index-per-array";

interface Relation {
  readonly type: unknown;
}
interface Entity {
  readonly target: unknown;
  readonly targetName?: string;
  readonly givenTableName?: string;
  readonly relations: readonly Relation[];
}
interface Builder {
  computeInverseProperties(entityMetadata: Entity, entityMetadatas: Entity[]): void;
}

/**
 * The only use of the array the step makes in the releases the tests run (0.3.31 and 1.1):
 * the search by the relation's type, a class (or a target) or an entity's name or table name.
 */
const ONLY_INVERSE_SEARCH =
  /\bentityMetadatas\.find\(\s*\(?(\w+)\)?\s*=>\s*\1\.target === relation\.type \|\|\s*\(typeof relation\.type === "string" &&\s*\(\1\.targetName === relation\.type \|\|\s*\1\.givenTableName === relation\.type\)\)\)/;

/** True when `step`'s only use of its second argument is the search by relation type. */
export function searchesInverseEntitiesOnly(step: (...args: never[]) => unknown): boolean {
  const source = Function.prototype.toString.call(step);
  // Named once as the parameter and once in the search.
  return source.split("entityMetadatas").length - 1 === 2 && ONLY_INVERSE_SEARCH.test(source);
}

/** Where each entity sits in the array, by each key the search compares. */
interface Lookup {
  readonly at: Map<Entity, number>;
  readonly byTarget: Map<unknown, Entity[]>;
  /** By target name and by given table name: what a string type can name. */
  readonly byName: Map<string, Entity[]>;
}

function push<K>(map: Map<K, Entity[]>, key: K, entity: Entity): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [entity]);
  else list.push(entity);
}

function lookupOf(entityMetadatas: readonly Entity[]): Lookup {
  const lookup: Lookup = {
    at: new Map(),
    byTarget: new Map(),
    byName: new Map(),
  };
  entityMetadatas.forEach((entity, index) => {
    lookup.at.set(entity, index);
    push(lookup.byTarget, entity.target, entity);
    if (entity.targetName !== undefined) push(lookup.byName, entity.targetName, entity);
    if (entity.givenTableName !== undefined) push(lookup.byName, entity.givenTableName, entity);
  });
  return lookup;
}

/** The entities `entity`'s relations can name, in the array's order. */
function candidates(lookup: Lookup, entity: Entity): Entity[] {
  const found = new Set<Entity>();
  for (const { type } of entity.relations) {
    for (const m of lookup.byTarget.get(type) ?? []) found.add(m);
    if (typeof type === "string") for (const m of lookup.byName.get(type) ?? []) found.add(m);
  }
  return [...found].sort((a, b) => lookup.at.get(a)! - lookup.at.get(b)!);
}

/**
 * Hands the user's builder's step the entities each entity's relations can name; returns
 * what puts TypeORM's own step back (call it when the build is over, failed or not).
 */
export function quickInverseEntitySearch(builder: { readonly prototype: object }): () => void {
  // The step is protected in TypeORM's typings; the builder calls it on itself.
  const prototype = builder.prototype as Builder;
  const original = prototype.computeInverseProperties;
  if (!searchesInverseEntitiesOnly(original)) return () => undefined;
  // The step runs once per entity with the same array: it is indexed once.
  const lookups = indexPerArray(lookupOf);
  prototype.computeInverseProperties = function (entityMetadata, entityMetadatas) {
    return original.call(
      this,
      entityMetadata,
      candidates(lookups(entityMetadatas), entityMetadata),
    );
  };
  return () => {
    prototype.computeInverseProperties = original;
  };
}
