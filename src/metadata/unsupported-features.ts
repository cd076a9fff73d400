import type { EntityMetadata, Table as TypeOrmTable } from "typeorm";
import { isGenerationExpressible } from "./column-default";
import type { UnsupportedFeature } from "./metadata-errors";
import { referentialAction } from "./referential-action";

/**
 * What one synchronised entity declares that the schema model cannot carry, or that TypeORM
 * itself would turn into invalid SQL. Each finding names the entity and the member.
 *
 * @param table TypeORM's own `Table.create(metadata, driver)` for the entity.
 */
export function unsupportedFeatures(
  metadata: EntityMetadata,
  table: TypeOrmTable,
): UnsupportedFeature[] {
  const found: UnsupportedFeature[] = [];
  const add = (member: string | null, feature: string): void => {
    found.push({ entity: metadata.name, member, feature });
  };

  for (const column of table.columns) {
    if (!isGenerationExpressible(column)) {
      // TypeORM writes no type at all for these: `"id" NOT NULL` fails in PostgreSQL.
      add(column.name, `${column.generationStrategy} generation on a ${column.type} column`);
    }
  }
  for (const foreignKey of metadata.foreignKeys) {
    for (const action of [foreignKey.onDelete, foreignKey.onUpdate]) {
      if (referentialAction(action) === null)
        add(foreignKey.name, `referential action "${action}"`);
    }
  }
  return found;
}
