import type { DataSource } from "typeorm";
import type { DatabaseSchema, EnumType } from "../schema/model";
import { DEFAULT_SCHEMA } from "../schema/model";
import { displayName, normalizeSchema } from "../schema/normalize";
import { declarationName, mergeDeclarations, type TableDeclaration } from "./merge-declarations";
import { EntityMetadataError, UnsupportedEntityFeatureError } from "./metadata-errors";
import type { UnsupportedFeature } from "./metadata-errors";
import { requiredExtensions } from "./required-extensions";
import { entityContext, synchronizedEntities } from "./synchronized-entities";
import { tableFromEntity } from "./table-from-entity";
import { unsupportedFeatures } from "./unsupported-features";
import { userTypeOrm } from "./user-typeorm";
import { viewsFromEntities } from "./views-from-entities";

/**
 * The schema TypeORM's `synchronize` would create for the DataSource's table entities, as a
 * normalised model: tables with their columns, keys, indexes and checks, the enum types they
 * use, the views of `@ViewEntity` classes, the schemas besides `public` they all live in and
 * the extensions TypeORM would install. Entities with `synchronize: false` and indexes with
 * `synchronize: false` are left out (see `unmanagedObjects`). A table several entities declare
 * (an entity class and a `@JoinTable` of one name) is one table (see `mergeDeclarations`).
 *
 * @throws UnsupportedEntityFeatureError listing every feature the model cannot carry.
 * @throws EntityMetadataError when two columns give one enum type different values, or two
 *   declarations of one table disagree.
 *
 * @example
 * await buildEntityMetadata(dataSource);
 * const target = schemaFromEntities(dataSource);
 */
export function schemaFromEntities(dataSource: DataSource): DatabaseSchema {
  const context = entityContext(dataSource);
  const declarations: TableDeclaration[] = [];
  const enums = new Map<string, EnumType>();
  const unsupported: UnsupportedFeature[] = [];
  const { Table, TableIndex } = userTypeOrm(dataSource);

  for (const metadata of synchronizedEntities(dataSource)) {
    const typeormTable = Table.create(metadata, context.driver);
    unsupported.push(...unsupportedFeatures(metadata, typeormTable));
    const { table, enums: declared } = tableFromEntity(metadata, context, typeormTable);
    declarations.push({ table, declaredBy: declarationName(metadata) });
    for (const enumType of declared) addEnum(enums, enumType, displayName(table));
  }
  if (unsupported.length > 0) throw new UnsupportedEntityFeatureError(unsupported);
  const tables = mergeDeclarations(declarations);

  const views = viewsFromEntities(dataSource, context.defaultSchema, TableIndex);
  const schemas = [...tables, ...enums.values(), ...views]
    .map((object) => object.schema)
    .filter((schema) => schema !== DEFAULT_SCHEMA);
  return normalizeSchema({
    schemas,
    tables,
    enums: [...enums.values()],
    extensions: requiredExtensions(dataSource),
    views,
  });
}

/**
 * Columns sharing an `enumName` share one type, created once, as `createTable` does. TypeORM
 * keeps whichever values it meets first and then alters the type on every later sync; here
 * the contradiction is an error instead.
 */
function addEnum(enums: Map<string, EnumType>, enumType: EnumType, table: string): void {
  const key = `${enumType.schema}.${enumType.name}`;
  const known = enums.get(key);
  if (!known) {
    enums.set(key, enumType);
  } else if (known.values.join("\u0000") !== enumType.values.join("\u0000")) {
    throw new EntityMetadataError(
      `Enum type "${key}" is declared with different values: ` +
        `[${known.values.join(", ")}] and, on table ${table}, [${enumType.values.join(", ")}].`,
      "Columns that share an enumName must list the same values in the same order.",
    );
  }
}
