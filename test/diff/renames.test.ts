import { NO_RENAME_HINTS, planRenames } from "../../src/diff/renames";
import { parseEnumValueRename, renameFlag } from "../../src/config/rename-hints";
import { nameSimilarity } from "../../src/diff/rename-candidates";
import { column, schema, table } from "../support/model-builders";

const id = column("id", "integer");
const users = (...extra: ReturnType<typeof column>[]) =>
  schema([table("users", [id, column("email", "text"), ...extra])]);

describe("planRenames", () => {
  it("offers a dropped and an added column of the same type as a candidate, and takes nothing alone", () => {
    const plan = planRenames(
      users(column("fullname", "text", { nullable: true })),
      users(column("full_name", "text", { nullable: true })),
      NO_RENAME_HINTS,
    );
    expect(plan.operations).toEqual([]);
    expect(plan.undecided).toMatchObject([
      { kind: "column", table: "users", from: "fullname", to: "full_name" },
    ]);
    expect(plan.undecided[0]!.score).toBeGreaterThan(0.95);
  });

  it("does not offer columns of different types", () => {
    const plan = planRenames(
      users(column("age", "integer")),
      users(column("bio", "text")),
      NO_RENAME_HINTS,
    );
    expect(plan.undecided).toEqual([]);
  });

  it("pairs each dropped column with its best match, by nullability, default, position and name", () => {
    const plan = planRenames(
      users(column("fullname", "text"), column("nick", "text", { nullable: true })),
      users(column("nickname", "text", { nullable: true }), column("full_name", "text")),
      NO_RENAME_HINTS,
    );
    expect(plan.undecided.map((c) => [c.from, c.to])).toEqual(
      expect.arrayContaining([
        ["fullname", "full_name"],
        ["nick", "nickname"],
      ]),
    );
  });

  it("offers a table dropped while one with the same columns is created", () => {
    const before = schema([table("tags", [id, column("label", "text")])]);
    const after = schema([table("labels", [id, column("label", "text")])]);
    expect(planRenames(before, after, NO_RENAME_HINTS).undecided).toMatchObject([
      { kind: "table", from: "tags", to: "labels" },
    ]);
  });

  it("takes a hinted table rename, then the column renames inside it, and ignores a stale hint", () => {
    const before = schema([table("tags", [id, column("name", "text")])]);
    const after = schema([table("labels", [id, column("title", "text")])]);
    const plan = planRenames(before, after, {
      tables: [{ schema: "public", from: "tags", to: "labels" }],
      columns: [
        { schema: "public", table: "tags", from: "name", to: "title" },
        { schema: "public", table: "users", from: "gone", to: "here" },
      ],
    });
    expect(plan.operations.map((op) => op.kind)).toEqual(["renameTable", "renameColumn"]);
    expect(plan.applied).toHaveLength(2);
    expect(plan.undecided).toEqual([]);
    expect(plan.current.tables[0]).toMatchObject({
      name: "labels",
      columns: [{ name: "id" }, { name: "title" }],
    });
  });

  it("renames an index unchanged under a new name, and leaves a changed one to be rebuilt", () => {
    const index = (name: string, columns: string[]) => ({
      name,
      columns,
      unique: false,
      where: null,
      method: "btree",
    });
    const before = schema([
      table("users", [id, column("email", "text")], {
        indexes: [index("IDX_a", ["email"]), index("IDX_b", ["id"])],
      }),
    ]);
    const after = schema([
      table("users", [id, column("email", "text")], {
        indexes: [index("IDX_c", ["email"]), index("IDX_d", ["id", "email"])],
      }),
    ]);
    const plan = planRenames(before, after, NO_RENAME_HINTS);
    expect(plan.operations).toMatchObject([{ kind: "renameIndex", from: "IDX_a", to: "IDX_c" }]);
  });
});

describe("nameSimilarity", () => {
  it("ignores case and underscores, and falls with the edit distance", () => {
    expect(nameSimilarity("fullName", "full_name")).toBe(1);
    expect(nameSimilarity("nick", "nickname")).toBe(0.5);
    expect(nameSimilarity("a", "z")).toBe(0);
  });
});

describe("planRenames and enum labels", () => {
  const typed = (values: string[], fallback: string) =>
    schema(
      [
        table("posts", [
          id,
          column("status", "post_status", { typeSchema: "public", default: `'${fallback}'` }),
        ]),
      ],
      [{ schema: "public", name: "post_status", values }],
    );
  const hint = { schema: "public", type: "post_status", from: "live", to: "published" };

  it("offers a label swapped for another in the same place, and takes nothing alone", () => {
    const plan = planRenames(
      typed(["draft", "live"], "live"),
      typed(["draft", "published"], "published"),
      NO_RENAME_HINTS,
    );
    expect(plan.operations).toEqual([]);
    expect(plan.undecided).toMatchObject([
      { kind: "enumValue", table: "post_status", from: "live", to: "published" },
    ]);
  });

  it("offers nothing when labels are removed and added in different places", () => {
    const plan = planRenames(
      typed(["draft", "live"], "draft"),
      typed(["published", "draft"], "draft"),
      NO_RENAME_HINTS,
    );
    expect(plan.undecided).toEqual([]);
  });

  it("takes a hinted label rename, and the column default that was the old label follows it", () => {
    const plan = planRenames(
      typed(["draft", "live"], "live"),
      typed(["draft", "published"], "published"),
      { ...NO_RENAME_HINTS, enumValues: [hint] },
    );
    expect(plan.operations).toEqual([
      {
        kind: "renameEnumValue",
        schema: "public",
        name: "post_status",
        from: "live",
        to: "published",
      },
    ]);
    expect(plan.undecided).toEqual([]);
    expect(plan.current).toEqual(typed(["draft", "published"], "published"));
  });
});

describe("enum label hints as written", () => {
  it("read type.label, schema.type.label, and a dotted label schema-qualified; the flag reads back", () => {
    expect(parseEnumValueRename("post_status.live", "published")).toEqual(
      hintFor("public", "live"),
    );
    expect(parseEnumValueRename("blog.post_status.live", "x")).toMatchObject({ schema: "blog" });
    const dotted = parseEnumValueRename("public.post_status.v1.2", "v1.3");
    expect(dotted).toEqual({ schema: "public", type: "post_status", from: "v1.2", to: "v1.3" });
    const flag = renameFlag({ kind: "enumValue", ...dotted!, table: "post_status" });
    expect(flag).toBe("--rename-enum-value public.post_status.v1.2=v1.3");
    expect(parseEnumValueRename("post_status", "x")).toBeNull();
    expect(parseEnumValueRename("post_status.live", "")).toBeNull();
  });
  const hintFor = (schemaName: string, from: string) => ({
    schema: schemaName,
    type: "post_status",
    from,
    to: "published",
  });
});
