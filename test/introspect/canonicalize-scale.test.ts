import { canonicalizeSchema } from "../../src/dialect/postgres/scratch/canonicalize";
import { postgresCatalog } from "../../src/introspect";
import { column, schema, table } from "../support/model-builders";
import { withFreshDatabase } from "./fresh-database";

/**
 * Every scratch table holds locks until the rolled-back transaction ends (the table, its
 * TOAST table and index, its sequence, the indexes of its keys), and PostgreSQL's lock table is shared and
 * bounded (`max_locks_per_transaction` x connections, 6,400 by default). A model of 10,000
 * tables was refused with "out of shared memory" on its first revision: the scratch area is
 * built in transactions of a bounded number of tables.
 */
const TABLES = 4000;

it(`canonicalises a model of ${TABLES} tables, more than one transaction's share of PostgreSQL's lock table`, async () => {
  const model = schema(
    Array.from({ length: TABLES }, (_, i) =>
      table(
        `t${i}`,
        [
          column("id", "integer", { serial: true }),
          column("note", "text", { default: "'x'::text" }),
        ],
        {
          primaryKey: { name: `PK_t${i}`, columns: ["id"] },
          uniques: [{ name: `UQ_t${i}`, columns: ["note"] }],
          indexes: [
            {
              name: `IDX_t${i}`,
              columns: ["id", "note"],
              unique: false,
              where: null,
              method: "btree",
            },
          ],
        },
      ),
    ),
  );

  const canonical = await withFreshDatabase("", (client) =>
    canonicalizeSchema(client, model, postgresCatalog),
  );

  expect(canonical.tables).toHaveLength(TABLES);
  expect(canonical.tables.find((t) => t.name === "t3999")?.columns[1]?.default).toBe("'x'::text");
});
