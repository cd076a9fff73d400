import { formatReview, reviewOperations } from "../../src/lint/review";
import { ops } from "../../src/ops/factories";
import { column, table } from "../support/model-builders";

const where = { schema: "public", table: "posts" };

describe("the review summary", () => {
  it("names each change in one line and marks data loss as a warning", () => {
    const lines = formatReview(
      reviewOperations([
        ops.addColumn({ ...where, column: column("slug", "text", { nullable: true }) }),
        ops.dropTable({ schema: "public", name: "legacy" }),
      ]),
    );
    expect(lines).toEqual([
      'adds column "posts"."slug"',
      'WARNING: drops table "legacy" (its rows are lost)',
    ]);
  });

  it("does not warn about a foreign key added to a table the same migration creates: it has no rows to scan", () => {
    const authorId = column("authorId", "integer");
    const foreignKey = {
      name: "FK_posts_author",
      columns: ["authorId"],
      referencedSchema: "public",
      referencedTable: "authors",
      referencedColumns: ["id"],
      onDelete: "NO ACTION" as const,
      onUpdate: "NO ACTION" as const,
    };
    const lines = reviewOperations([
      ops.createTable({ table: table("posts", [authorId]) }),
      ops.addForeignKey({ ...where, foreignKey }),
    ]);
    expect(lines.map((line) => line.warning)).toEqual([false, false]);
    // On a table that already exists, the same foreign key is checked over every row.
    expect(reviewOperations([ops.addForeignKey({ ...where, foreignKey })])[0]?.warning).toBe(true);
  });

  it("warns that a NOT NULL column without a default fails on a table with rows", () => {
    const [line] = reviewOperations([ops.addColumn({ ...where, column: column("slug", "text") })]);
    expect(line).toEqual({ warning: true, text: expect.stringContaining("without a default") });
  });

  it("warns about a type change and about NOT NULL on existing rows", () => {
    const lines = reviewOperations([
      ops.alterColumn({
        ...where,
        name: "title",
        from: { type: "character varying(100)", typeSchema: null, isArray: false, nullable: true },
        to: { type: "character varying(50)", typeSchema: null, isArray: false, nullable: false },
      }),
    ]);
    expect(lines.map((l) => l.warning)).toEqual([true, true]);
    expect(lines[0]?.text).toContain("from character varying(100) to character varying(50)");
  });

  it("says a column made NOT NULL without a default fails on NULL rows, and where the recipe is", () => {
    const lines = formatReview(
      reviewOperations([
        ops.alterColumn({
          ...where,
          name: "slug",
          from: { nullable: true },
          to: { nullable: false },
        }),
      ]),
    );
    expect(lines).toEqual([
      'WARNING: makes "posts"."slug" NOT NULL (fails if a row holds NULL: see "Making a column ' +
        'NOT NULL" in docs/migration-files.md)',
    ]);
  });

  it("states the backfill of a column made NOT NULL, value included", () => {
    const lines = formatReview(
      reviewOperations([
        ops.alterColumn({
          ...where,
          name: "views",
          from: { nullable: true },
          to: { nullable: false },
          backfill: "0",
        }),
      ]),
    );
    expect(lines).toEqual([
      'WARNING: makes "posts"."views" NOT NULL, first setting the rows that hold NULL to 0 ' +
        "(an UPDATE; the downgrade leaves them set)",
    ]);
  });

  it("points out a dropped and an added column of the same type as a possible rename", () => {
    const lines = reviewOperations([
      ops.addColumn({ ...where, column: column("headline", "text") }),
      ops.dropColumn({ ...where, name: "title", previous: column("title", "text") }),
    ]);
    expect(lines.some((l) => l.text.includes("if this is a rename"))).toBe(true);
  });

  it("warns when an enum loses a value that rows may still hold", () => {
    const [line] = reviewOperations([
      ops.alterEnum({ schema: "public", name: "e", from: ["a", "b"], to: ["a"], usages: [] }),
    ]);
    expect(line?.warning).toBe(true);
  });
});
