import type { RenameHints } from "../../../src/diff/renames";
import type { Client } from "pg";
import type { SqlClient } from "../../../src/dialect/dialect";
import type { Operation, OperationKind, OperationOf } from "../../../src/ops/operations";
import type { TestDatabase } from "../../support/database";
import type { PostgresOptions } from "./compare";
import type { EntityClass } from "./entity";
import type { ColumnFacts } from "./rows";

/** One expected operation: its kind and, optionally, fields it must have (matched partially). */
export type ExpectedOperation = {
  readonly [K in OperationKind]: readonly [K, DeepPartial<OperationOf<K>>?];
}[OperationKind];

type DeepPartial<T> = T extends readonly (infer E)[]
  ? readonly DeepPartial<E>[]
  : T extends object
    ? { readonly [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/**
 * An autogenerate case, the one kind of acceptance case: a database state, the entities that
 * describe the wanted state, and what autogenerate must find. The runner (`runCase`) proves on
 * it: autogenerate finds nothing to change in the database TypeORM's `synchronize` builds from
 * the wanted entities (no false positive against TypeORM's own schema); the operations are the
 * expected ones; after the upgrade (of the rendered file, through the runner) a new comparison
 * is empty and the catalog is the one TypeORM builds; the downgrade restores the previous
 * catalog; the rows put in before keep their values throughout.
 */
export interface AutogenCase {
  /** A sentence: the test's name. */
  readonly name: string;
  /**
   * The database before: entity classes TypeORM synchronises (the runner also checks that
   * autogenerate finds nothing to do there), SQL run as is, or nothing: an empty database.
   */
  readonly before?: readonly EntityClass[] | string;
  /**
   * The databases the case runs on; PostgreSQL alone by default. On SQLite the case runs from
   * entities (never SQL), and `expect` and `sql` (PostgreSQL's operations) are not checked:
   * `sqliteExpect` says what SQLite's are.
   */
  readonly dialects?: readonly ("postgres" | "sqlite")[];
  /** The operations autogenerate must produce on SQLite, in order. */
  readonly sqliteExpect?: readonly ExpectedOperation[];
  /** SQL run on the SQLite file after TypeORM builds `before`, before the rows go in (a trigger). */
  readonly sqliteSetup?: string;
  /** Checks on the SQLite file after the upgrade and after the downgrade (leaving no rows behind). */
  readonly sqliteCheck?: (client: SqlClient, stage: "upgraded" | "downgraded") => Promise<void>;
  /** The entities that describe the wanted database. */
  readonly after: readonly EntityClass[];
  /** The operations autogenerate must produce, in order; a property test leaves them out. */
  readonly expect?: readonly ExpectedOperation[];
  /** When given, the exact upgrade SQL. */
  readonly sql?: readonly string[];
  /**
   * Rows to put in before the upgrade: SQL, a function, or `false` for none. By default one
   * row goes in every table, with a sample value in every column (see `seedRows`).
   */
  readonly seed?:
    string | false | ((client: Client, columns: readonly ColumnFacts[]) => Promise<void>);
  /** A query whose rows must be the same before the upgrade, after it and after the downgrade. */
  readonly rows?: string;
  /** Checks on the upgraded database, before the downgrade (they must leave no rows behind). */
  readonly upgraded?: (db: TestDatabase) => Promise<void>;
  /**
   * Values the migration changes on purpose: a column (`table.column` in `public`, or
   * `schema.table.column`) whose NULLs the upgrade fills with the given value (a NOT NULL
   * backfill). The rows check expects that value there after the upgrade, and after the
   * downgrade too, which cannot know which rows held NULL.
   */
  readonly backfills?: Readonly<Record<string, string>>;
  /** The renames the user decided on, as config hints and flags give them. */
  readonly renames?: RenameHints;
  /** DataSource options for every side (for example `uuidExtension`). */
  readonly options?: PostgresOptions;
  /**
   * Options for TypeORM's oracle alone, where TypeORM needs help to build what the entities
   * declare (its `synchronize` fails, for one, on a uuid_generate_v4() default it installs no
   * extension for).
   */
  readonly oracleOptions?: PostgresOptions;
  /**
   * Where TypeORM's own `synchronize` is wrong for the wanted entities, so it cannot serve as
   * the oracle: the reason, with its issue number. The runner then asserts that TypeORM indeed
   * fails or builds something else, so the claim stays true.
   */
  readonly typeormIsWrong?: string;
  /**
   * SQL run on the oracle's fresh database before and after TypeORM synchronises it: what
   * TypeORM leaves to the user (an extension it does not install, an index kept by hand).
   */
  readonly oracleSql?: { readonly before?: string; readonly after?: string };
  /**
   * TypeORM's schema builder finds changes on the database it has just synchronised (the
   * issue number): the runner asserts it still does, while autogenerate finds none.
   */
  readonly typeormChurns?: string;
  /**
   * What TypeORM's own schema builder (the one behind `migration:generate`) proposes for the
   * same change, where it gets it wrong: nothing at all, or statements matching a pattern
   * (such as a `DROP COLUMN` that loses the data), `times` times when given. Asserted, so the
   * claim stays true.
   */
  readonly typeormGenerates?: {
    readonly issue: string;
    readonly matching: "nothing" | RegExp;
    readonly times?: number;
  };
  /**
   * The feature another part of issue 3 is adding, when the case fails only for its lack;
   * the case runs as `it.failing` and flips once the feature lands.
   */
  readonly pending?: string;
}

/** What a case produced, for tests that look further than the case's own claims. */
export interface CaseRun {
  readonly upgrade: readonly Operation[];
  readonly downgrade: readonly Operation[];
  /** The migration file, as `revision` writes it. */
  readonly file: string;
  /** The review lines of the file's header. */
  readonly review: readonly string[];
}
