import type { DataSource } from "typeorm";
import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata";
import { postgresDriverOf } from "./build-entity-metadata";

/** Column types that come from an extension, by the extension TypeORM installs for them. */
const typeExtensions: Readonly<Record<string, string>> = {
  citext: "citext",
  hstore: "hstore",
  cube: "cube",
  geometry: "postgis",
  geography: "postgis",
  ltree: "ltree",
  vector: "vector",
  halfvec: "vector",
};

/** uuid-ossp's generators; TypeORM writes `uuid_generate_v4()` for `@Generated("uuid")`. */
const UUID_OSSP_CALL = /\buuid_generate_v[1345](?:mc)?\s*\(/i;

function defaultText(column: ColumnMetadata): string {
  const value = column.default as unknown;
  if (typeof value === "function") return String((value as () => unknown)());
  return typeof value === "string" ? value : "";
}

/**
 * The extensions TypeORM's `PostgresDriver.afterConnect` installs for these entities
 * (`checkMetadataForExtensions`): the `uuidExtension` for uuid-generated columns, the
 * extension of citext, hstore, cube, ltree, vector and spatial columns, `btree_gist` for
 * exclusion constraints, and the DataSource's own `extensions` list. Like TypeORM it looks at
 * every entity, synchronised or not, and installs nothing with `installExtensions: false`.
 *
 * One addition: a default that calls `uuid_generate_v4()` (or another uuid-ossp generator)
 * needs uuid-ossp even on a column TypeORM does not know generates uuids; without it,
 * TypeORM's own `synchronize` fails on a fresh database.
 */
export function requiredExtensions(dataSource: DataSource): string[] {
  const options = postgresDriverOf(dataSource).options;
  if (options.installExtensions === false) return [];
  const found = new Set<string>();
  for (const metadata of dataSource.entityMetadatas) {
    for (const column of metadata.columns) {
      if (column.isGenerated && column.generationStrategy === "uuid") {
        found.add(options.uuidExtension ?? "uuid-ossp");
      }
      const fromType = typeof column.type === "string" ? typeExtensions[column.type] : undefined;
      if (fromType) found.add(fromType);
      if (UUID_OSSP_CALL.test(defaultText(column))) found.add("uuid-ossp");
    }
    if (metadata.exclusions.length > 0) found.add("btree_gist");
  }
  for (const name of options.extensions ?? []) found.add(name);
  return [...found].sort();
}
