import { formatReview, reviewOperations } from "../../src/lint/review";
import { ops } from "../../src/ops/factories";
import { column } from "../support/model-builders";

const where = { schema: "public", table: "items" };
const type = { type: "integer", typeSchema: null, isArray: false };

describe("the review of identity, generated and collated columns", () => {
  it("does not warn about adding a NOT NULL identity column, and warns that a generated one rewrites the table", () => {
    const lines = formatReview(
      reviewOperations([
        ops.addColumn({ ...where, column: column("n", "integer", { identity: "ALWAYS" }) }),
        ops.addColumn({ ...where, column: column("double", "integer", { generated: "(n * 2)" }) }),
      ]),
    );
    expect(lines).toEqual([
      'adds column "items"."n"',
      'WARNING: adds generated column "items"."double" (computed for every row: the table is rewritten)',
    ]);
  });

  it("warns that GENERATED ALWAYS refuses explicit values, and notes a serial key turned identity", () => {
    const lines = formatReview(
      reviewOperations([
        ops.alterColumn({
          ...where,
          name: "id",
          from: { ...type, serial: true, identity: null },
          to: { ...type, serial: false, identity: "ALWAYS" },
        }),
      ]),
    );
    expect(lines).toEqual([
      'WARNING: makes "items"."id" GENERATED ALWAYS AS IDENTITY (inserts that set it explicitly fail without OVERRIDING SYSTEM VALUE)',
      'makes "items"."id" stop being serial (drops its sequence)',
    ]);
  });

  it("does not call a type stated alongside a collation change a type change", () => {
    const lines = formatReview(
      reviewOperations([
        ops.alterColumn({
          ...where,
          name: "code",
          from: { ...type, type: "text", collation: null },
          to: { ...type, type: "text", collation: "C" },
        }),
      ]),
    );
    expect(lines).toEqual([
      'WARNING: changes the collation of "items"."code" to "C" (indexes on it are rebuilt; unique ones fail if values collide under the new collation)',
    ]);
  });

  it("notes a generated column made plain in place, and warns when one is made generated", () => {
    const whole = { ...type, nullable: true, comment: null };
    const made = (from: string | null, to: string | null) =>
      ops.alterColumn({
        ...where,
        name: "total",
        from: { ...whole, generated: from },
        to: { ...whole, generated: to },
      });
    expect(formatReview(reviewOperations([made("(a + b)", null)]))).toEqual([
      'makes generated column "items"."total" a plain one that keeps its values (DROP EXPRESSION)',
    ]);
    expect(formatReview(reviewOperations([made(null, "(a + b)")]))).toEqual([
      'WARNING: drops "items"."total" and adds it back as a generated column (its stored values are replaced by computed ones)',
    ]);
  });

  it("explains a generated column dropped and re-added, and does not take it for a rename", () => {
    const before = column("total", "numeric", { nullable: true, generated: "(a + b)" });
    const after = column("total", "numeric", { nullable: true, generated: "(a * b)" });
    const lines = formatReview(
      reviewOperations([
        ops.dropColumn({ ...where, name: "total", previous: before }),
        ops.addColumn({ ...where, column: after }),
      ]),
    );
    expect(lines).toEqual([
      'drops generated column "items"."total"',
      'WARNING: adds generated column "items"."total" (computed for every row: the table is rewritten)',
      'WARNING: drops and re-adds generated column "items"."total" with its new expression (PostgreSQL before 17 cannot change it in place; nothing is lost, its values are computed again)',
    ]);
  });

  it("names extensions, exclusion constraints and views", () => {
    const lines = formatReview(
      reviewOperations([
        ops.createExtension({ name: "btree_gist" }),
        ops.addExclusion({
          ...where,
          exclusion: { name: "XCL", expression: "USING gist (a WITH =)" },
        }),
        ops.createView({
          view: { schema: "public", name: "v", definition: "SELECT 1", materialized: false },
        }),
        ops.dropView({ schema: "stats", name: "m", materialized: true }),
        ops.dropExtension({ name: "citext" }),
      ]),
    );
    expect(lines).toEqual([
      'creates extension "btree_gist" if it is not installed',
      'WARNING: adds exclusion constraint "XCL" on "items" (fails if rows conflict)',
      'creates view "v"',
      'drops materialized view "stats"."m"',
      'WARNING: drops extension "citext" (fails if objects outside this migration use it)',
    ]);
  });
});
