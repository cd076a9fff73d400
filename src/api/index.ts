export { column, type ColumnAttributes, type ColumnOptions } from "./column";
export { createMigrationOperations, type OperationSink } from "./create-migration-operations";
export type {
  CheckDefinition,
  ColumnAlteration,
  ConstraintOptions,
  EnumAlteration,
  EnumUsageDefinition,
  EnumDependentDefinition,
  ExclusionDefinition,
  ExecuteOptions,
  ForeignKeyDefinition,
  IndexDefinition,
  IndexOptions,
  KeyDefinition,
  TableDefinition,
  UniqueDefinition,
  ViewDefinition,
} from "./definitions";
export type { MigrationContext } from "./migration-context";
export type { MigrationOperations } from "./migration-operations";
export type { QualifiedName, TableName, TypeName } from "./names";
export type { Todo } from "./todo";
