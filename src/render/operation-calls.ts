import type { Operation, OperationHandlers } from "../ops/operations";
import { dispatch } from "../ops/operations";
import {
  checkDoc,
  columnCall,
  exclusionDoc,
  columnChange,
  enumAlteration,
  foreignKeyDoc,
  indexDoc,
  keyDoc,
  nullable,
  present,
  qualified,
  rebuildDefinition,
  strings,
  tableDefinition,
  uniqueDoc,
} from "./definition-docs";
import { atom, call, object, quoted, type Doc } from "./layout";
import { valueDoc } from "./value-doc";

const op = (method: string, args: readonly Doc[]): Doc => call(`op.${method}`, args);

const concurrently = (o: { concurrently?: boolean }): Doc[] =>
  o.concurrently ? [object([["concurrently", atom("true")]])] : [];

const notValid = (o: { notValid?: boolean }): Doc[] =>
  o.notValid ? [object([["notValid", atom("true")]])] : [];

/**
 * How each operation is spelled as an `op.*` call: the inverse of
 * `createMigrationOperations`. Replaying the call builds the very same operation, except
 * `previous`, which files do not carry.
 */
const calls: OperationHandlers<Doc> = {
  createSchema: (o) => op("createSchema", [quoted(o.schema)]),
  dropSchema: (o) => op("dropSchema", [quoted(o.schema)]),
  createExtension: (o) => op("createExtension", [quoted(o.name)]),
  dropExtension: (o) => op("dropExtension", [quoted(o.name)]),
  createEnum: (o) =>
    op("createEnum", [qualified(o.enum.schema, o.enum.name), strings(o.enum.values)]),
  dropEnum: (o) => op("dropEnum", [qualified(o.schema, o.name)]),
  alterEnum: (o) => op("alterEnum", [qualified(o.schema, o.name), enumAlteration(o)]),
  createTable: ({ table, foreignKeys }) =>
    op("createTable", [qualified(table.schema, table.name), tableDefinition(table, foreignKeys)]),
  dropTable: (o) => op("dropTable", [qualified(o.schema, o.name)]),
  addColumn: (o) => op("addColumn", [qualified(o.schema, o.table), columnCall(o.column)]),
  dropColumn: (o) => op("dropColumn", [qualified(o.schema, o.table), quoted(o.name)]),
  alterColumn: (o) =>
    op("alterColumn", [
      qualified(o.schema, o.table),
      quoted(o.name),
      object(
        present([
          ["from", columnChange(o.from)],
          ["to", columnChange(o.to)],
          o.using !== undefined && ["using", quoted(o.using)],
          o.backfill !== undefined && ["backfill", quoted(o.backfill)],
          o.backfillToWrite !== undefined && ["backfill", op("todo", [quoted(o.backfillToWrite)])],
          o.provenBy !== undefined && ["provenBy", quoted(o.provenBy)],
        ]),
      ),
    ]),
  addPrimaryKey: (o) => op("addPrimaryKey", [qualified(o.schema, o.table), keyDoc(o.primaryKey)]),
  dropPrimaryKey: (o) => op("dropPrimaryKey", [qualified(o.schema, o.table), quoted(o.name)]),
  addUnique: (o) => op("addUnique", [qualified(o.schema, o.table), uniqueDoc(o.unique)]),
  dropUnique: (o) => op("dropUnique", [qualified(o.schema, o.table), quoted(o.name)]),
  createIndex: (o) =>
    op("createIndex", [qualified(o.schema, o.table), indexDoc(o.index), ...concurrently(o)]),
  dropIndex: (o) =>
    op("dropIndex", [qualified(o.schema, o.table), quoted(o.name), ...concurrently(o)]),
  addForeignKey: (o) =>
    op("addForeignKey", [
      qualified(o.schema, o.table),
      foreignKeyDoc(o.foreignKey),
      ...notValid(o),
    ]),
  dropForeignKey: (o) => op("dropForeignKey", [qualified(o.schema, o.table), quoted(o.name)]),
  addCheck: (o) =>
    op("addCheck", [qualified(o.schema, o.table), checkDoc(o.check), ...notValid(o)]),
  validateConstraint: (o) =>
    op("validateConstraint", [qualified(o.schema, o.table), quoted(o.name)]),
  dropCheck: (o) => op("dropCheck", [qualified(o.schema, o.table), quoted(o.name)]),
  addExclusion: (o) =>
    op("addExclusion", [qualified(o.schema, o.table), exclusionDoc(o.exclusion)]),
  dropExclusion: (o) => op("dropExclusion", [qualified(o.schema, o.table), quoted(o.name)]),
  createView: ({ view }) =>
    op("createView", [
      qualified(view.schema, view.name),
      object(
        present([
          ["definition", quoted(view.definition)],
          view.materialized && ["materialized", atom("true")],
        ]),
      ),
    ]),
  dropView: (o) =>
    op("dropView", [
      qualified(o.schema, o.name),
      ...(o.materialized ? [object([["materialized", atom("true")]])] : []),
    ]),
  setTableComment: (o) =>
    op("setTableComment", [qualified(o.schema, o.table), nullable(o.comment)]),
  execute: (o) => {
    const options = present([
      o.params !== undefined && ["params", valueDoc(o.params)],
      o.reverseSql !== undefined && ["reverseSql", quoted(o.reverseSql)],
    ]);
    return op("execute", [quoted(o.sql), ...(options.length > 0 ? [object(options)] : [])]);
  },
  bulkInsert: (o) => op("bulkInsert", [qualified(o.schema, o.table), valueDoc(o.rows)]),
  rebuildTable: (o) =>
    op("rebuildTable", [qualified(o.schema, o.table), rebuildDefinition(o.definition, o.copy)]),
  renameTable: (o) => op("renameTable", [qualified(o.schema, o.from), quoted(o.to)]),
  renameColumn: (o) =>
    op("renameColumn", [qualified(o.schema, o.table), quoted(o.from), quoted(o.to)]),
  renameEnum: (o) => op("renameEnum", [qualified(o.schema, o.from), quoted(o.to)]),
  renameEnumValue: (o) =>
    op("renameEnumValue", [qualified(o.schema, o.name), quoted(o.from), quoted(o.to)]),
  renameIndex: (o) =>
    op("renameIndex", [qualified(o.schema, o.table), quoted(o.from), quoted(o.to)]),
  renameConstraint: (o) =>
    op("renameConstraint", [qualified(o.schema, o.table), quoted(o.from), quoted(o.to)]),
};

/** The `op.*` call expression that recreates `operation`. */
export function operationCall(operation: Operation): Doc {
  return dispatch(calls, operation);
}
