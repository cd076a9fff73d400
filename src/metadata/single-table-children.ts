/**
 * TypeORM's metadata builder asks, for every column of every entity, whether the class that
 * declares it is a single-table-inheritance child: it searches the array of every entity for
 * an `entity-child` whose target is the column's (`computeEntityMetadataStep1`). That is a
 * scan of 10,000 entities for each of 110,000 columns at 10,000 tables (5 s of a 37 s
 * metadata build under the profiler). The step receives the array it searches, so while
 * autogen builds the metadata the step is handed the `entity-child` entities only, in the
 * same order: the search finds the same entity, or none, as it would in the whole array.
 */
import { indexPerArray } from "./index-per-array";

interface Builder {
  computeEntityMetadataStep1(allEntityMetadatas: Entity[], entityMetadata: Entity): void;
}
interface Entity {
  readonly tableType?: string;
}

/**
 * The only use of the array the step makes in the releases the tests run (0.3.31 and 1.1):
 * the search for an `entity-child`. A release whose step uses it otherwise keeps its own step.
 */
const ONLY_CHILD_SEARCH =
  /\ballEntityMetadatas\.find\(\s*\(?(\w+)\)?\s*=>\s*\1\.tableType === "entity-child"\s*&&/;

/** True when `step`'s only use of its first argument is the `entity-child` search. */
export function searchesChildrenOnly(step: (...args: never[]) => unknown): boolean {
  const source = Function.prototype.toString.call(step);
  const uses = source.split("allEntityMetadatas").length - 1;
  // Named once as the parameter and once in the search.
  return uses === 2 && ONLY_CHILD_SEARCH.test(source);
}

/**
 * Hands the user's builder's step the `entity-child` entities only; returns what puts
 * TypeORM's own step back (call it when the build is over, failed or not).
 */
export function quickSingleTableChildSearch(builder: { readonly prototype: object }): () => void {
  // The step is protected in TypeORM's typings; the builder calls it on itself.
  const prototype = builder.prototype as Builder;
  const original = prototype.computeEntityMetadataStep1;
  if (!searchesChildrenOnly(original)) return () => undefined;
  // The step runs once per entity with the same array: its children are listed once.
  const childrenOf = indexPerArray((all: readonly Entity[]) =>
    all.filter((m) => m.tableType === "entity-child"),
  );
  prototype.computeEntityMetadataStep1 = function (allEntityMetadatas, entityMetadata) {
    return original.call(this, childrenOf(allEntityMetadatas), entityMetadata);
  };
  return () => {
    prototype.computeEntityMetadataStep1 = original;
  };
}
