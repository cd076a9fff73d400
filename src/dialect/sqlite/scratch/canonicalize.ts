import type { Operation } from "../../../ops/operations";
import type { DatabaseSchema } from "../../../schema/model";
import type { CatalogReader, SqlClient } from "../../dialect";
import { compileOperations } from "../compile/compile";
import { quoteIdent } from "../quote";
import { connect } from "../session/connect";

/**
 * Brings a model to the text SQLite keeps for it: the tables are created, with this
 * dialect's compiler, in a private in-memory database, which `catalog` reads back. SQLite
 * keeps expressions as written, so this mostly settles what the pragmas report (`DEFAULT (3)`
 * reads back as `3`) and the names given to unnamed constraints. The live connection is not
 * touched: nothing is ever created in the user's file.
 */
export async function canonicalizeSchema(
  _connection: SqlClient,
  schema: DatabaseSchema,
  catalog: CatalogReader<SqlClient>,
): Promise<DatabaseSchema> {
  const scratch = await connect({ filename: ":memory:" }, "the scratch database");
  try {
    const operations: Operation[] = [
      ...schema.tables.map((table): Operation => ({
        kind: "createTable",
        table,
        foreignKeys: table.foreignKeys,
      })),
      ...schema.tables.flatMap((table) =>
        table.indexes.map((index): Operation => ({
          kind: "createIndex",
          schema: table.schema,
          table: table.name,
          index,
        })),
      ),
    ];
    for (const sql of compileOperations(operations)) await scratch.query(sql);
    for (const view of schema.views ?? []) {
      await scratch.query(`CREATE VIEW ${quoteIdent(view.name)} AS ${view.definition}`);
    }
    return await catalog.readSchema(scratch, { schemas: [] });
  } finally {
    await scratch.end();
  }
}
