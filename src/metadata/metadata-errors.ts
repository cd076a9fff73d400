import { AutogenError } from "../errors";

/** TypeORM could not load or rejected the entities, or the entity model is contradictory. */
export class EntityMetadataError extends AutogenError {
  constructor(message: string, hint?: string, options?: { cause?: unknown }) {
    super("entity-metadata", message, hint, options);
  }
}

/** One entity feature the schema model cannot carry yet, located for the user. */
export interface UnsupportedFeature {
  /** Entity (class) name, or the junction table name for many-to-many tables. */
  readonly entity: string;
  /** Column property or constraint name; null when the feature is the entity's own. */
  readonly member: string | null;
  /** What is not supported, as a short phrase ("identity column", "column collation"...). */
  readonly feature: string;
}

/**
 * The entities use features the neutral model cannot represent. Refusing is the only safe
 * answer: leaving them out would make `upgrade` build a database that differs from what
 * TypeORM's `synchronize` builds, without anyone noticing.
 */
export class UnsupportedEntityFeatureError extends AutogenError {
  constructor(readonly features: readonly UnsupportedFeature[]) {
    super(
      "unsupported-entity-feature",
      `The entities use ${features.length === 1 ? "a feature" : "features"} autogenerate cannot ` +
        `handle yet: ${features.map(describe).join("; ")}.`,
      "Remove the option from the entity, or mark the entity with synchronize: false and " +
        "manage its table with op.execute in a hand-written migration.",
    );
  }
}

function describe(feature: UnsupportedFeature): string {
  const where = feature.member ? `${feature.entity}.${feature.member}` : feature.entity;
  return `${feature.feature} on ${where}`;
}
