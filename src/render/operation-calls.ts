import type { Operation, OperationHandlers } from "../ops/operations";
import { dispatch } from "../ops/operations";
import {
  checkDoc,
  columnCall,
  columnChange,
  enumAlteration,
  foreignKeyDoc,
  indexDoc,
  keyDoc,
  nullable,
  present,
  qualified,
  strings,
  tableDefinition,
} from "./definition-docs";
import { call, object, quoted, type Doc } from "./layout";
import { valueDoc } from "./value-doc";

const op = (method: string, args: readonly Doc[]): Doc => call(`op.${method}`, args);

/**
 * How each operation is spelled as an `op.*` call: the inverse of
 * `createMigrationOperations`. Replaying the call builds the very same operation, except
 * `previous`, which files do not carry.
 */
const calls: OperationHandlers<Doc> = {
  createSchema: (o) => op("createSchema", [quoted(o.schema)]),
  dropSchema: (o) => op("dropSchema", [quoted(o.schema)]),
  createEnum: (o) =>
    op("createEnum", [qualified(o.enum.schema, o.enum.name), strings(o.enum.values)]),
  dropEnum: (o) => op("dropEnum", [qualified(o.schema, o.name)]),
  alterEnum: (o) => op("alterEnum", [qualified(o.schema, o.name), enumAlteration(o)]),
  createTable: ({ table }) =>
    op("createTable", [qualified(table.schema, table.name), tableDefinition(table)]),
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
        ]),
      ),
    ]),
  addPrimaryKey: (o) => op("addPrimaryKey", [qualified(o.schema, o.table), keyDoc(o.primaryKey)]),
  dropPrimaryKey: (o) => op("dropPrimaryKey", [qualified(o.schema, o.table), quoted(o.name)]),
  addUnique: (o) => op("addUnique", [qualified(o.schema, o.table), keyDoc(o.unique)]),
  dropUnique: (o) => op("dropUnique", [qualified(o.schema, o.table), quoted(o.name)]),
  createIndex: (o) => op("createIndex", [qualified(o.schema, o.table), indexDoc(o.index)]),
  dropIndex: (o) => op("dropIndex", [qualified(o.schema, o.table), quoted(o.name)]),
  addForeignKey: (o) =>
    op("addForeignKey", [qualified(o.schema, o.table), foreignKeyDoc(o.foreignKey)]),
  dropForeignKey: (o) => op("dropForeignKey", [qualified(o.schema, o.table), quoted(o.name)]),
  addCheck: (o) => op("addCheck", [qualified(o.schema, o.table), checkDoc(o.check)]),
  dropCheck: (o) => op("dropCheck", [qualified(o.schema, o.table), quoted(o.name)]),
  setTableComment: (o) =>
    op("setTableComment", [qualified(o.schema, o.table), nullable(o.comment)]),
  execute: (o) => {
    const options = present([
      o.params !== undefined && ["params", valueDoc(o.params)],
      o.reverseSql !== undefined && ["reverseSql", quoted(o.reverseSql)],
    ]);
    return op("execute", [quoted(o.sql), ...(options.length > 0 ? [object(options)] : [])]);
  },
};

/** The `op.*` call expression that recreates `operation`. */
export function operationCall(operation: Operation): Doc {
  return dispatch(calls, operation);
}
