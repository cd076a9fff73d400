import type { DataSource, EntityMetadata } from "typeorm";
import type { TableIndex } from "typeorm";
import type { Index, View } from "../schema/model";
import { EntityMetadataError } from "./metadata-errors";
import { viewEntities } from "./synchronized-entities";

/**
 * The views `synchronize` creates for the DataSource's `@ViewEntity` classes, with the
 * indexes it creates on materialized ones (`createNewViewIndices`). The query is the entity's
 * expression as TypeORM writes it after `AS`; PostgreSQL's canonical text is a later stage's
 * business.
 */
export function viewsFromEntities(
  dataSource: DataSource,
  defaultSchema: string,
  tableIndex: typeof TableIndex,
): View[] {
  return viewEntities(dataSource)
    .filter((metadata) => metadata.synchronize)
    .map((metadata) => {
      const materialized = metadata.tableMetadataArgs.materialized === true;
      const indexes = materialized ? viewIndexes(metadata, tableIndex) : [];
      return {
        schema: metadata.schema ?? defaultSchema,
        name: metadata.tableName,
        definition: expressionOf(metadata, dataSource),
        materialized,
        ...(indexes.length > 0 ? { indexes } : {}),
      };
    });
}

/** `createViewIndexSql` writes each synchronised index with TableIndex.create's fields. */
function viewIndexes(metadata: EntityMetadata, tableIndex: typeof TableIndex): Index[] {
  return metadata.indices
    .filter((index) => index.synchronize)
    .map((metadataIndex) => {
      const index = tableIndex.create(metadataIndex);
      return {
        name: metadataIndex.name,
        columns: index.columnNames,
        unique: index.isUnique,
        where: index.where ? index.where : null,
        method: (index.isSpatial ? "gist" : (index.type ?? "btree")).toLowerCase(),
      };
    });
}

/** A string expression trimmed, as TypeORM compares it; a query builder's SQL otherwise. */
function expressionOf(metadata: EntityMetadata, dataSource: DataSource): string {
  const { expression } = metadata;
  if (typeof expression === "string") return expression.trim();
  if (expression === undefined) {
    throw new EntityMetadataError(
      `View entity ${metadata.name} has no expression.`,
      "Give @ViewEntity an `expression`: the SQL of the view's query.",
    );
  }
  try {
    return expression(dataSource).getQuery().trim();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new EntityMetadataError(
      `The expression of view entity ${metadata.name} could not be built: ${reason}`,
      "Write the expression as an SQL string instead of a query builder function.",
      { cause: error },
    );
  }
}
