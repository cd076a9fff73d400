import type { OperationKind, OperationOf } from "./operations";

type Payload<K extends OperationKind> = Omit<OperationOf<K>, "kind">;

function factory<K extends OperationKind>(kind: K): (payload: Payload<K>) => OperationOf<K> {
  return (payload) => Object.freeze({ kind, ...payload }) as OperationOf<K>;
}

/**
 * Frozen operation factories, one per kind and named after it:
 * `ops.addColumn({ schema: "public", table: "posts", column })`.
 */
export const ops = Object.freeze({
  createSchema: factory("createSchema"),
  dropSchema: factory("dropSchema"),
  createExtension: factory("createExtension"),
  dropExtension: factory("dropExtension"),
  createEnum: factory("createEnum"),
  dropEnum: factory("dropEnum"),
  alterEnum: factory("alterEnum"),
  createTable: factory("createTable"),
  dropTable: factory("dropTable"),
  addColumn: factory("addColumn"),
  dropColumn: factory("dropColumn"),
  alterColumn: factory("alterColumn"),
  addPrimaryKey: factory("addPrimaryKey"),
  dropPrimaryKey: factory("dropPrimaryKey"),
  addUnique: factory("addUnique"),
  dropUnique: factory("dropUnique"),
  createIndex: factory("createIndex"),
  dropIndex: factory("dropIndex"),
  addForeignKey: factory("addForeignKey"),
  dropForeignKey: factory("dropForeignKey"),
  addCheck: factory("addCheck"),
  dropCheck: factory("dropCheck"),
  validateConstraint: factory("validateConstraint"),
  addExclusion: factory("addExclusion"),
  dropExclusion: factory("dropExclusion"),
  createView: factory("createView"),
  dropView: factory("dropView"),
  setTableComment: factory("setTableComment"),
  execute: factory("execute"),
  bulkInsert: factory("bulkInsert"),
  rebuildTable: factory("rebuildTable"),
  renameTable: factory("renameTable"),
  renameColumn: factory("renameColumn"),
  renameEnum: factory("renameEnum"),
  renameEnumValue: factory("renameEnumValue"),
  renameIndex: factory("renameIndex"),
  renameConstraint: factory("renameConstraint"),
} satisfies { [K in OperationKind]: (payload: Payload<K>) => OperationOf<K> });
