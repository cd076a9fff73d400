import type { DataSource, EntityMetadata } from "typeorm";
import type { PostgresDriver } from "typeorm/driver/postgres/PostgresDriver";
import { collectGarbageIfLarge } from "../loader/collect-garbage";
import { registerTypeScriptLoader } from "../loader/typescript-loader";
import { AutogenError, ConfigError } from "../errors";
import { EntityMetadataError } from "./metadata-errors";
import { buildAndValidate, type EntityReference } from "./build-and-validate";
import { countEntityFiles, importEntityFiles } from "./import-entity-files";
import { settleDecorators } from "./settle-decorators";
import { userTypeOrm } from "./user-typeorm";

/** Data sources whose metadata this module built, so readers can refuse an unbuilt one. */
const built = new WeakSet<DataSource>();

/**
 * Builds the DataSource's entity metadata the way `DataSource.initialize()` does, without
 * connecting: `initialize()` connects the driver first, then calls `buildMetadatas()`, whose
 * entity half needs no connection. We run only that half (the entity builder and the
 * validator), because `buildMetadatas()` also instantiates the `migrations` and `subscribers`
 * the user lists, and an autogen migration file exports functions, not classes.
 *
 * Entity globs naming `.ts` files are required through the project's TypeScript loader,
 * which keeps the `design:type` metadata `@Column() name: string` depends on and loads
 * entity files that import each other as tsc's output would. Once they are imported, the
 * event loop is given the turns decorators applied late need (`settleDecorators`).
 *
 * All of it runs in the user's own TypeORM (`userTypeOrm`): the package the DataSource came
 * from, else the one `configFile`'s folder resolves.
 *
 * @example
 * await buildEntityMetadata(dataSource);
 * const target = schemaFromEntities(dataSource);
 */
export function buildEntityMetadata(dataSource: DataSource, configFile?: string): Promise<void> {
  // Once per DataSource: `check --each` compares many databases with the same entities, at
  // the same time, and a second build of the same files gives the same metadata.
  let building = builds.get(dataSource);
  if (building === undefined) {
    building = build(dataSource, configFile);
    builds.set(dataSource, building);
    // A failed build is not remembered: the next command reports its own error.
    building.catch(() => builds.delete(dataSource));
  }
  return building;
}

const builds = new WeakMap<DataSource, Promise<void>>();

async function build(dataSource: DataSource, configFile?: string): Promise<void> {
  if (!SQLITE_TYPES.has(dataSource.options.type)) postgresDriverOf(dataSource);
  const typeorm = userTypeOrm(dataSource, configFile);
  await typeorm.driverOf(dataSource);
  // initialize() has already built the same metadata; rebuilding would detach the
  // repositories the application may hold.
  if (dataSource.isInitialized) return;

  registerTypeScriptLoader();
  const entities = listEntities(dataSource.options.entities);
  let metadatas: EntityMetadata[];
  try {
    // Imported first, with TypeORM's own glob loader, so that decorators applying late can
    // run before the metadata is built (see settleDecorators).
    const globs = entities.filter((entity): entity is string => typeof entity === "string");
    const loaded = [
      ...entities.filter((entity) => typeof entity !== "string"),
      ...((await importEntityFiles(typeorm, dataSource.logger, globs)) as EntityReference[]),
    ];
    await settleDecorators(typeorm.getMetadataArgsStorage());
    // The loading's garbage goes before the build adds its own (see collectGarbageIfLarge).
    collectGarbageIfLarge();
    metadatas = await buildAndValidate(typeorm, dataSource, loaded);
    collectGarbageIfLarge();
  } catch (error) {
    if (error instanceof AutogenError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new EntityMetadataError(
      `TypeORM could not build the entity metadata: ${message}`,
      entitiesHint,
      { cause: error },
    );
  }

  const globs = entities.filter((entity): entity is string => typeof entity === "string");
  if (metadatas.length === 0 && globs.length > 0) {
    // An empty target model would make every table look dropped: a mistyped glob must stop here.
    throw new EntityMetadataError(
      `No entities were found by ${globs.map((glob) => `"${glob}"`).join(", ")}.`,
      "Entity globs resolve against the current directory; check the pattern and the file extension.",
    );
  }

  // The same two fields buildMetadatas() assigns; they are readonly in TypeORM's typings only.
  Object.assign(dataSource, {
    entityMetadatas: metadatas,
    entityMetadatasMap: new Map(metadatas.map((metadata) => [metadata.target, metadata])),
  });
  built.add(dataSource);
}

/** The DataSource types the SQLite dialect serves; their metadata is read by TypeORM itself. */
const SQLITE_TYPES: ReadonlySet<string> = new Set(["better-sqlite3", "sqlite"]);

const entitiesHint = "Check the entities listed in the DataSource's `entities` option.";

/** The DataSource's driver, once it is known to be PostgreSQL's: the only one supported. */
export function postgresDriverOf(dataSource: DataSource): PostgresDriver {
  if (dataSource.options.type !== "postgres") {
    throw new ConfigError(
      `The DataSource is of type "${dataSource.options.type}"; autogenerate supports PostgreSQL and SQLite only.`,
      'Set type: "postgres", "better-sqlite3" or "sqlite" in the DataSource options.',
    );
  }
  return dataSource.driver as PostgresDriver;
}

/** True when the DataSource's entity metadata exists (built here or by `initialize()`). */
export function hasEntityMetadata(dataSource: DataSource): boolean {
  return dataSource.isInitialized || built.has(dataSource);
}

/**
 * How many entities the DataSource lists, counting the files its globs match, before any is
 * loaded: a command that sizes its work by the project (revision's render worker) asks this
 * first. An estimate: 0 when the user's TypeORM cannot be found yet, whose error the build
 * itself reports.
 */
export function countEntities(dataSource: DataSource, configFile?: string): number {
  const entities = listEntities(dataSource.options.entities);
  const globs = entities.filter((entity): entity is string => typeof entity === "string");
  if (globs.length === 0) return entities.length;
  try {
    const files = countEntityFiles(userTypeOrm(dataSource, configFile), globs);
    return entities.length - globs.length + (files ?? globs.length);
  } catch {
    return 0;
  }
}

/** TypeORM accepts an array or an object map of classes, schemas and globs. */
function listEntities(entities: unknown): EntityReference[] {
  if (entities === undefined || entities === null) return [];
  return (Array.isArray(entities) ? entities : Object.values(entities)) as EntityReference[];
}
