/**
 * TypeORM's validator refuses entities whose NOT NULL relations form a cycle
 * (`validateDependencies`): it puts every entity in a dependency graph and orders the whole
 * graph, in time that grows with the square of the entities (1.5 s at 10,000 tables), even
 * when no relation is NOT NULL. Only an entity at one end of a NOT NULL join-column relation
 * can be on such a cycle. Handed those entities alone, in their order, TypeORM's own check
 * builds the same edges between the same names in the same order, so it finds the same cycle,
 * with the same message, or none.
 */
interface Relation {
  readonly isNullable: boolean;
  readonly inverseEntityMetadata: { readonly name: string };
}
interface Entity {
  readonly name: string;
  readonly relationsWithJoinColumns: readonly Relation[];
}
interface Validator {
  validateDependencies(entityMetadatas: Entity[]): void;
}

/** What the check looks at, in the releases the tests run (0.3.31 and 1.1). */
const EDGES_FROM_NOT_NULL_RELATIONS = [
  /\.relationsWithJoinColumns\s*\.filter\(\(?relation\)?\s*=>\s*!relation\.isNullable\)/,
  /graph\.addDependency\(entityMetadata\.name,\s*relation\.inverseEntityMetadata\.name\)/,
];

/** True when `check` draws its graph's edges from NOT NULL join-column relations only. */
export function drawsEdgesFromNotNullRelations(check: (...args: never[]) => unknown): boolean {
  const source = Function.prototype.toString.call(check);
  return EDGES_FROM_NOT_NULL_RELATIONS.every((pattern) => pattern.test(source));
}

/**
 * Makes `validator` (one instance, not its class) check the dependencies of the entities
 * that can be on a cycle only, when its check is the one described above.
 */
export function quickDependencyCheck(validator: object): void {
  const own = validator as Validator;
  const original = own.validateDependencies;
  if (typeof original !== "function" || !drawsEdgesFromNotNullRelations(original)) return;
  own.validateDependencies = function (entityMetadatas) {
    // By name, as the graph's nodes are: an entity sharing its name with one on a relation's
    // end keeps the name's place in the graph's order.
    const ends = new Set<string>();
    for (const entity of entityMetadatas) {
      for (const relation of entity.relationsWithJoinColumns) {
        if (relation.isNullable) continue;
        ends.add(entity.name);
        ends.add(relation.inverseEntityMetadata.name);
      }
    }
    return original.call(
      this,
      entityMetadatas.filter((entity) => ends.has(entity.name)),
    );
  };
}
