import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { EntityMetadataError } from "../../src/metadata";
import { columnNamed, schemaOf, tableNamed } from "./entity-schema";

enum Status {
  Draft = "draft",
  Published = "published",
  Archived = "archived",
}

enum Priority {
  Low = 1,
  High = 5,
}

@Entity()
class Post {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: "enum", enum: Status, default: Status.Draft }) status!: Status;
  @Column({ type: "enum", enum: Priority, default: Priority.Low }) priority!: Priority;
  @Column({ type: "enum", enum: ["a", "b"], array: true, default: ["a"] }) flags!: string[];
  @Column({ type: "simple-enum", enum: ["x", "y"] }) simple!: string;
  @Column({ type: "enum", enum: ["on", "off"], name: "MixedCase" }) mixedCase!: string;
  @Column({ type: "enum", enum: Status, enumName: "lifecycle" }) lifecycle!: Status;
}

@Entity()
class Page {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: "enum", enum: Status, enumName: "lifecycle", nullable: true }) state!: Status;
}

@Entity({ schema: "cms" })
class Draft {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: "enum", enum: Status, enumName: "lifecycle" }) state!: Status;
}

@Entity()
class Clash {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: "enum", enum: ["draft", "live"], enumName: "lifecycle" }) state!: string;
}

describe("enum columns", () => {
  it("name their type <table>_<column>_enum in the table's schema, values in declared order", async () => {
    const schema = await schemaOf([Post]);
    const post = tableNamed(schema, "post");
    expect(columnNamed(post, "status")).toMatchObject({
      type: "post_status_enum",
      typeSchema: "public",
      isArray: false,
      default: "'draft'",
    });
    expect(schema.enums).toContainEqual({
      schema: "public",
      name: "post_status_enum",
      values: ["draft", "published", "archived"],
    });
  });

  it("store numeric enum values as strings, as PostgreSQL labels are", async () => {
    const schema = await schemaOf([Post]);
    expect(columnNamed(tableNamed(schema, "post"), "priority").default).toBe("'1'");
    expect(schema.enums).toContainEqual({
      schema: "public",
      name: "post_priority_enum",
      values: ["1", "5"],
    });
  });

  it("model enum arrays with isArray and an array literal default", async () => {
    const schema = await schemaOf([Post]);
    expect(columnNamed(tableNamed(schema, "post"), "flags")).toMatchObject({
      type: "post_flags_enum",
      isArray: true,
      default: "'{a}'",
    });
  });

  it("treat simple-enum as enum and lower-case the column name in the type name", async () => {
    const schema = await schemaOf([Post]);
    const post = tableNamed(schema, "post");
    expect(columnNamed(post, "simple").type).toBe("post_simple_enum");
    expect(columnNamed(post, "MixedCase").type).toBe("post_mixedcase_enum");
  });

  it("share one type per enumName and schema across columns and tables", async () => {
    const schema = await schemaOf([Post, Page, Draft]);
    expect(columnNamed(tableNamed(schema, "post"), "lifecycle").type).toBe("lifecycle");
    expect(columnNamed(tableNamed(schema, "page"), "state")).toMatchObject({
      type: "lifecycle",
      typeSchema: "public",
    });
    expect(columnNamed(tableNamed(schema, "draft"), "state")).toMatchObject({
      type: "lifecycle",
      typeSchema: "cms",
    });
    const lifecycles = schema.enums.filter((enumType) => enumType.name === "lifecycle");
    expect(lifecycles).toEqual([
      { schema: "cms", name: "lifecycle", values: ["draft", "published", "archived"] },
      { schema: "public", name: "lifecycle", values: ["draft", "published", "archived"] },
    ]);
  });

  it("refuse one enumName declared with different values", async () => {
    const attempt = schemaOf([Post, Clash]);
    await expect(attempt).rejects.toThrow(EntityMetadataError);
    await expect(attempt).rejects.toThrow(/public\.lifecycle.*different values/);
  });
});
