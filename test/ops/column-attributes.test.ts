import { postgres } from "../../src/dialect/postgres";
import { compareSchemas } from "../../src/diff";
import { reviewOperations } from "../../src/lint/review";
import {
  ALTERABLE_ATTRIBUTES,
  COLUMN_ATTRIBUTES,
  type AlterableAttribute,
} from "../../src/ops/column-attributes";
import { ops } from "../../src/ops/factories";
import type { AlterColumnOp, Operation } from "../../src/ops/operations";
import { reverseOperation, reverseOperations } from "../../src/ops/reverse";
import { renderMigration } from "../../src/render";
import type { Column } from "../../src/schema/model";
import { MigrationFolder } from "../render/support/replay";
import { column, schema, table } from "../support/model-builders";

/**
 * Every column attribute, listed once in COLUMN_ATTRIBUTES, handled by every stage. The
 * samples are keyed by the attributes themselves, so a new attribute fails the type check
 * (`npm test` runs tsc over the tests) until it has one, and then these tests until the diff,
 * the compiler, the review, the renderer, the op API and reverse all handle it.
 */
const ALTERED: { readonly [K in AlterableAttribute]: readonly [Partial<Column>, Partial<Column>] } =
  {
    type: [{ type: "integer" }, { type: "bigint" }],
    typeSchema: [
      { type: "status", typeSchema: "a" },
      { type: "status", typeSchema: "b" },
    ],
    isArray: [{ isArray: false }, { isArray: true }],
    nullable: [{ nullable: false }, { nullable: true }],
    default: [{ default: null }, { default: "0" }],
    serial: [{ serial: false }, { serial: true }],
    identity: [{}, { identity: "ALWAYS" }],
    // A generated column that becomes plain keeps its values: DROP EXPRESSION, in place.
    generated: [{ generated: "(1 + 1)" }, {}],
    collation: [{ type: "text" }, { type: "text", collation: "C" }],
    comment: [{ comment: null }, { comment: "why" }],
  };

/** A value for every attribute, none of them the default `op.column` leaves out. */
const EVERY: { readonly [K in keyof Column]-?: Column[K] } = {
  name: "c",
  type: "integer",
  typeSchema: "s",
  isArray: true,
  nullable: true,
  default: "0",
  serial: true,
  comment: "why",
  identity: "BY DEFAULT",
  generated: "(1 + 1)",
  collation: "C",
};

const folder = new MigrationFolder();
afterAll(() => folder.remove());

const compare = (from: Partial<Column>, to: Partial<Column>) =>
  compareSchemas(
    schema([table("t", [column("c", "integer", from)])]),
    schema([table("t", [column("c", "integer", to)])]),
    postgres.expressions,
  );

/** What a migration file holding `upgrade` (and its reverse) gives back when it is run. */
async function replayed(upgrade: readonly Operation[]): Promise<Operation[]> {
  const text = renderMigration({
    message: "attributes",
    revision: "5c1f0e9a2b7d",
    downRevision: null,
    createdAt: new Date(0),
    review: [],
    upgrade,
    downgrade: reverseOperations(upgrade),
  });
  return (await folder.replay(text)).upgrade;
}

describe("column attributes", () => {
  it("lists every attribute of a model column, each with how it changes", () => {
    expect(Object.keys(COLUMN_ATTRIBUTES).sort()).toEqual(Object.keys(EVERY).sort());
  });

  it.each(ALTERABLE_ATTRIBUTES)(
    "%s is compared, altered in place, compiled, reviewed, rendered and reversed",
    async (key) => {
      const [from, to] = ALTERED[key];
      const found = compare(from, to);
      expect(found.map((op) => op.kind)).toEqual(["alterColumn"]);
      const op = found[0] as AlterColumnOp;
      expect(Object.keys(op.to)).toContain(key);

      expect(postgres.compile.operation(op).length).toBeGreaterThan(0);
      expect(reviewOperations([op]).length).toBeGreaterThan(0);
      expect(reverseOperation(op)).toEqual({ ...op, from: op.to, to: op.from });
      expect(await replayed([op])).toStrictEqual([op]);
    },
  );

  it("a column that becomes generated is dropped and added again, since PostgreSQL cannot give it an expression", () => {
    const found = compare({}, { generated: "(1 + 1)" });
    expect(found.map((op) => op.kind)).toEqual(["dropColumn", "addColumn"]);
  });

  it("renders a column with every attribute set, which the op API builds back", async () => {
    const op = ops.addColumn({ schema: "public", table: "t", column: EVERY });
    expect(await replayed([op])).toStrictEqual([op]);
  });

  it.each(Object.keys(EVERY) as (keyof Column)[])(
    "writes %s into the SQL that adds a column",
    (key) => {
      const plain = column("p", "smallint");
      const withIt = { ...plain, [key]: EVERY[key] };
      const sql = (c: Column) =>
        postgres.compile.operation(ops.addColumn({ schema: "public", table: "t", column: c }));
      expect(sql(withIt)).not.toEqual(sql(plain));
    },
  );
});
