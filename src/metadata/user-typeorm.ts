import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, sep } from "node:path";
import type * as TypeOrm from "typeorm";
import type * as MetadataBuilder from "typeorm/connection/ConnectionMetadataBuilder";
import type * as Validator from "typeorm/metadata-builder/EntityMetadataValidator";
import type * as ClassesLoader from "typeorm/util/DirectoryExportedClassesLoader";
import { ConfigError } from "../errors";
import { SUPPORTED_TYPEORM, supportsTypeOrmVersion } from "./supported-typeorm";

/**
 * The parts of the user's TypeORM package that autogen runs. Our own `typeorm` is a dev
 * dependency and a peer: its types describe these, but its code is never loaded, so entity
 * metadata, `Table.create` and the naming strategy are those of the version (or fork) the
 * application installed.
 */
export interface UserTypeOrm {
  /** The package's name: `typeorm`, or a fork's such as `@n8n/typeorm`. */
  readonly name: string;
  readonly version: string;
  /** The package's folder (the one holding its package.json). */
  readonly root: string;
  readonly Table: typeof TypeOrm.Table;
  readonly TableIndex: typeof TypeOrm.TableIndex;
  readonly getMetadataArgsStorage: typeof TypeOrm.getMetadataArgsStorage;
  readonly ConnectionMetadataBuilder: typeof MetadataBuilder.ConnectionMetadataBuilder;
  readonly EntityMetadataValidator: typeof Validator.EntityMetadataValidator;
  readonly importClassesFromDirectories: typeof ClassesLoader.importClassesFromDirectories;
  /** The builder `ConnectionMetadataBuilder` runs (see single-table-children.ts). */
  readonly EntityMetadataBuilder: { readonly prototype: object };
  /** The metadata builder's helpers (`isInherited`, see inheritance-check.ts). */
  readonly MetadataUtils: { isInherited(target1: unknown, target2: unknown): boolean };
  /** Whether a value is an EntitySchema of this package (its own instance check). */
  isEntitySchema(value: unknown): boolean;
  /**
   * The DataSource's driver, made (without connecting) when the DataSource has none yet:
   * TypeORM makes it in the constructor, forks such as `@n8n/typeorm` 0.11 in `initialize()`.
   */
  driverOf(dataSource: TypeOrm.DataSource): Promise<TypeOrm.DataSource["driver"]>;
}

interface InstanceCheckerModule {
  readonly InstanceChecker: { isEntitySchema(value: unknown): boolean };
}

/** TypeORM's DriverFactory is an instance's `create`; `@n8n/typeorm`'s a static, async one. */
interface DriverFactoryModule {
  readonly DriverFactory: {
    new (): { create(dataSource: TypeOrm.DataSource): TypeOrm.DataSource["driver"] };
    create?(dataSource: TypeOrm.DataSource): Promise<TypeOrm.DataSource["driver"]>;
  };
}

/** Packages loaded so far, by modules folder. */
const known = new Map<string, UserTypeOrm>();
/** Where TypeORM (and its forks, which keep its layout) defines the DataSource class. */
const DATA_SOURCE_FILE = `${sep}data-source${sep}DataSource.js`;

/**
 * The TypeORM package the DataSource was made with: the loaded module whose `DataSource`
 * class is the DataSource's own (or one it extends), found among the modules already
 * required; else the `typeorm` package resolved from the config file's folder.
 *
 * @throws ConfigError when no TypeORM is found, or its version is outside the supported range.
 */
export function userTypeOrm(dataSource: TypeOrm.DataSource, configFile?: string): UserTypeOrm {
  const modules = loadedModulesDir(dataSource) ?? resolvedModulesDir(configFile);
  if (!modules) {
    throw new ConfigError(
      "typeorm-autogen could not find the TypeORM package the DataSource was made with.",
      `Install typeorm ${SUPPORTED_TYPEORM} in the project that holds the config file.`,
    );
  }
  const found = known.get(modules) ?? loadPackage(modules);
  known.set(modules, found);
  return found;
}

/**
 * The folder of TypeORM's compiled modules (its `index.js`, `data-source/`, `connection/`...)
 * that defined a DataSource class of the DataSource's prototype chain: the package's own
 * folder for `typeorm`, its `dist/` for forks such as `@n8n/typeorm`.
 */
function loadedModulesDir(dataSource: object): string | null {
  const cache = require.cache;
  const files = Object.keys(cache).filter((file) => file.endsWith(DATA_SOURCE_FILE));
  for (let proto = Object.getPrototypeOf(dataSource); proto; proto = Object.getPrototypeOf(proto)) {
    const constructor = (proto as { constructor?: unknown }).constructor;
    for (const file of files) {
      const exports = cache[file]?.exports as { DataSource?: unknown } | undefined;
      if (exports?.DataSource === constructor) return dirname(dirname(file));
    }
  }
  return null;
}

/** `typeorm`'s modules as the config file's folder resolves them (the current directory without one). */
function resolvedModulesDir(configFile: string | undefined): string | null {
  const from = configFile ?? join(process.cwd(), "index.js");
  try {
    return dirname(createRequire(from).resolve("typeorm"));
  } catch {
    return null;
  }
}

interface Manifest {
  readonly root: string;
  readonly name?: string;
  readonly version?: string;
}

/** The nearest package.json at or above `dir` that names a package. */
function manifestAbove(dir: string): Manifest {
  for (let at = dir; ; at = dirname(at)) {
    const file = join(at, "package.json");
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, "utf8")) as Omit<Manifest, "root">;
      if (manifest.name) return { root: at, ...manifest };
    }
    if (dirname(at) === at) return { root: dir };
  }
}

function loadPackage(modules: string): UserTypeOrm {
  const { root, name = "typeorm", version = "unknown" } = manifestAbove(modules);
  if (!supportsTypeOrmVersion(version)) {
    throw new ConfigError(
      `The project's ${name} is version ${version} (${root}); typeorm-autogen supports typeorm ${SUPPORTED_TYPEORM}.`,
      `Upgrade ${name} to a version in that range.`,
    );
  }
  // Absolute files, so that neither the package's `exports` map nor our own copy interferes;
  // the same files the DataSource's own package loaded, so the same module instances.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const load = <T>(file: string): T => require(join(modules, file)) as T;
  const index = load<typeof TypeOrm>("index.js");
  return {
    name,
    version,
    root,
    Table: index.Table,
    TableIndex: index.TableIndex,
    getMetadataArgsStorage: index.getMetadataArgsStorage,
    ConnectionMetadataBuilder: load<typeof MetadataBuilder>(
      "connection/ConnectionMetadataBuilder.js",
    ).ConnectionMetadataBuilder,
    EntityMetadataBuilder: load<{ EntityMetadataBuilder: UserTypeOrm["EntityMetadataBuilder"] }>(
      "metadata-builder/EntityMetadataBuilder.js",
    ).EntityMetadataBuilder,
    EntityMetadataValidator: load<typeof Validator>("metadata-builder/EntityMetadataValidator.js")
      .EntityMetadataValidator,
    importClassesFromDirectories: load<typeof ClassesLoader>(
      "util/DirectoryExportedClassesLoader.js",
    ).importClassesFromDirectories,
    MetadataUtils: load<{ MetadataUtils: UserTypeOrm["MetadataUtils"] }>(
      "metadata-builder/MetadataUtils.js",
    ).MetadataUtils,
    isEntitySchema: (value) =>
      load<InstanceCheckerModule>("util/InstanceChecker.js").InstanceChecker.isEntitySchema(value),
    async driverOf(dataSource) {
      const existing = (dataSource as { driver?: TypeOrm.DataSource["driver"] }).driver;
      if (existing) return existing;
      const { DriverFactory } = load<DriverFactoryModule>("driver/DriverFactory.js");
      const driver = await (DriverFactory.create
        ? DriverFactory.create(dataSource)
        : new DriverFactory().create(dataSource));
      // readonly in TypeORM's typings only; initialize() assigns it the same way.
      Object.assign(dataSource, { driver });
      return driver;
    },
  };
}
