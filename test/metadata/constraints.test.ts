import {
  Check,
  Column,
  DefaultNamingStrategy,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from "typeorm";
import type { Table as TypeOrmTable } from "typeorm";
import { byTypeOrmLine } from "../support/typeorm-line";
import { schemaOf, tableNamed } from "./entity-schema";

const naming = new DefaultNamingStrategy();

@Entity({ comment: "people who write" })
@Unique(["firstName", "lastName"])
@Unique("UQ_author_handle", ["handle"])
@Check(`"age" >= 0`)
@Check("CHK_author_name", `"firstName" <> ''`)
@Index(["lastName", "firstName"])
@Index("IDX_author_live", ["handle"], { where: `"deletedAt" IS NULL` })
@Index("IDX_author_gin", ["tags"], { type: "gin" })
class Author {
  @PrimaryGeneratedColumn() id!: number;
  @Column() firstName!: string;
  @Column() lastName!: string;
  @Column() handle!: string;
  @Column({ unique: true }) email!: string;
  @Column() @Index({ unique: true }) slug!: string;
  @Column() @Index("IDX_author_manual", { synchronize: false }) age!: number;
  @Column("text", { array: true }) tags!: string[];
  @Column({ nullable: true }) deletedAt!: Date;
}

@Entity()
class Tag {
  @PrimaryColumn() name!: string;
  @ManyToMany(() => Article, (article) => article.tags) articles!: Article[];
}

@Entity()
class Article {
  @PrimaryColumn({ primaryKeyConstraintName: "PK_article_custom" }) id!: number;
  @ManyToOne(() => Author) author!: Author;
  @ManyToOne(() => Author, { onDelete: "CASCADE", onUpdate: "SET NULL", nullable: true })
  @JoinColumn({ name: "editor_id" })
  editor!: Author;
  @OneToOne(() => Author, { onDelete: "SET NULL" }) @JoinColumn() cover!: Author;
  @ManyToMany(() => Tag, (tag) => tag.articles) @JoinTable() tags!: Tag[];
}

@Entity()
class Membership {
  @PrimaryColumn() userId!: number;
  @PrimaryColumn() groupId!: number;
}

describe("constraint and index names", () => {
  it("name the primary key with the naming strategy, or the given constraint name", async () => {
    const schema = await schemaOf([Author, Article, Tag, Membership]);
    expect(tableNamed(schema, "author").primaryKey).toEqual({
      name: naming.primaryKeyName("author", ["id"]),
      columns: ["id"],
    });
    expect(tableNamed(schema, "article").primaryKey).toEqual({
      name: "PK_article_custom",
      columns: ["id"],
    });
    expect(tableNamed(schema, "membership").primaryKey).toEqual({
      name: naming.primaryKeyName("membership", ["userId", "groupId"]),
      columns: ["userId", "groupId"],
    });
  });

  it("collect @Unique, unique columns and one-to-one REL_ constraints as unique constraints", async () => {
    const schema = await schemaOf([Author, Article, Tag]);
    expect(tableNamed(schema, "author").uniques).toEqual(
      [
        {
          name: naming.uniqueConstraintName("author", ["firstName", "lastName"]),
          columns: ["firstName", "lastName"],
        },
        { name: "UQ_author_handle", columns: ["handle"] },
        { name: naming.uniqueConstraintName("author", ["email"]), columns: ["email"] },
      ].sort((a, b) => (a.name < b.name ? -1 : 1)),
    );
    expect(tableNamed(schema, "article").uniques).toEqual([
      { name: naming.relationConstraintName("article", ["coverId"]), columns: ["coverId"] },
    ]);
  });

  it("model indexes with their columns, uniqueness, predicate and method, minus synchronize: false", async () => {
    const indexes = tableNamed(await schemaOf([Author]), "author").indexes;
    expect(indexes).toEqual(
      [
        {
          name: naming.indexName("author", ["lastName", "firstName"]),
          columns: ["lastName", "firstName"],
          unique: false,
          where: null,
          method: "btree",
        },
        {
          name: "IDX_author_live",
          columns: ["handle"],
          unique: false,
          where: `"deletedAt" IS NULL`,
          method: "btree",
        },
        {
          name: "IDX_author_gin",
          columns: ["tags"],
          unique: false,
          where: null,
          // TypeORM 0.3 has no index `type` option: it ignores it and synchronize builds a btree.
          method: byTypeOrmLine({ "1.x": "gin", "0.3": "btree" }),
        },
        {
          name: naming.indexName("author", ["slug"]),
          columns: ["slug"],
          unique: true,
          where: null,
          method: "btree",
        },
      ].sort((a, b) => (a.name < b.name ? -1 : 1)),
    );
  });

  it("pass check expressions through as written, named by the strategy or by hand", async () => {
    const checks = tableNamed(await schemaOf([Author]), "author").checks;
    expect(checks).toEqual(
      [
        { name: naming.checkConstraintName("author", `"age" >= 0`), expression: `"age" >= 0` },
        { name: "CHK_author_name", expression: `"firstName" <> ''` },
      ].sort((a, b) => (a.name < b.name ? -1 : 1)),
    );
  });

  it("carry the table comment", async () => {
    const schema = await schemaOf([Author, Membership]);
    expect(tableNamed(schema, "author").comment).toBe("people who write");
    expect(tableNamed(schema, "membership").comment).toBeNull();
  });
});

describe("foreign keys", () => {
  it("come from many-to-one and one-to-one join columns with TypeORM's default NO ACTION", async () => {
    const article = tableNamed(await schemaOf([Author, Article, Tag]), "article");
    expect(article.foreignKeys).toEqual(
      [
        {
          name: naming.foreignKeyName("article", ["authorId"]),
          columns: ["authorId"],
          referencedSchema: "public",
          referencedTable: "author",
          referencedColumns: ["id"],
          onDelete: "NO ACTION",
          onUpdate: "NO ACTION",
        },
        {
          name: naming.foreignKeyName("article", ["editor_id"]),
          columns: ["editor_id"],
          referencedSchema: "public",
          referencedTable: "author",
          referencedColumns: ["id"],
          onDelete: "CASCADE",
          onUpdate: "SET NULL",
        },
        {
          name: naming.foreignKeyName("article", ["coverId"]),
          columns: ["coverId"],
          referencedSchema: "public",
          referencedTable: "author",
          referencedColumns: ["id"],
          onDelete: "SET NULL",
          onUpdate: "NO ACTION",
        },
      ].sort((a, b) => (a.name < b.name ? -1 : 1)),
    );
  });

  it("make the join columns nullable integers unless the relation says otherwise", async () => {
    const article = tableNamed(await schemaOf([Author, Article, Tag]), "article");
    const joinColumns = article.columns.filter((column) => column.name !== "id");
    expect(joinColumns.map(({ name, type, nullable }) => ({ name, type, nullable }))).toEqual([
      { name: "authorId", type: "integer", nullable: true },
      { name: "editor_id", type: "integer", nullable: true },
      { name: "coverId", type: "integer", nullable: true },
    ]);
  });

  it("give a many-to-many junction table its columns, keys, indexes and cascading keys", async () => {
    const junction = tableNamed(await schemaOf([Author, Article, Tag]), "article_tags_tag");
    expect(junction.columns.map(({ name, type, nullable }) => ({ name, type, nullable }))).toEqual([
      { name: "articleId", type: "integer", nullable: false },
      { name: "tagName", type: "character varying", nullable: false },
    ]);
    expect(junction.primaryKey).toEqual({
      name: naming.primaryKeyName("article_tags_tag", ["articleId", "tagName"]),
      columns: ["articleId", "tagName"],
    });
    expect(junction.indexes.map((index) => index.name).sort()).toEqual(
      [
        naming.indexName("article_tags_tag", ["articleId"]),
        naming.indexName("article_tags_tag", ["tagName"]),
      ].sort(),
    );
    expect(junction.foreignKeys).toEqual(
      [
        {
          name: naming.foreignKeyName("article_tags_tag", ["articleId"]),
          columns: ["articleId"],
          referencedSchema: "public",
          referencedTable: "article",
          referencedColumns: ["id"],
          onDelete: "CASCADE",
          onUpdate: "CASCADE",
        },
        {
          name: naming.foreignKeyName("article_tags_tag", ["tagName"]),
          columns: ["tagName"],
          referencedSchema: "public",
          referencedTable: "tag",
          referencedColumns: ["name"],
          // TypeORM 0.3 gives the inverse side's key the inverse relation's actions (none
          // declared here); 1.x cascades both sides of the junction.
          ...byTypeOrmLine({
            "1.x": { onDelete: "CASCADE", onUpdate: "CASCADE" },
            "0.3": { onDelete: "NO ACTION", onUpdate: "NO ACTION" },
          }),
        },
      ].sort((a, b) => (a.name < b.name ? -1 : 1)),
    );
  });
});

describe("a custom naming strategy", () => {
  class PrefixedNaming extends DefaultNamingStrategy {
    override tableName(targetName: string, userSpecifiedName: string | undefined): string {
      return `app_${super.tableName(targetName, userSpecifiedName)}`;
    }
    override primaryKeyName(table: TypeOrmTable | string, columns: string[]): string {
      const name = typeof table === "string" ? table : table.name;
      return `pk_${name}__${columns.join("_")}`;
    }
    override foreignKeyName(table: TypeOrmTable | string, columns: string[]): string {
      const name = typeof table === "string" ? table : table.name;
      return `fk_${name}__${columns.join("_")}`;
    }
  }

  it("names tables and constraints, receiving the arguments synchronize gives it", async () => {
    const schema = await schemaOf([Author, Article, Tag], { namingStrategy: new PrefixedNaming() });
    const article = tableNamed(schema, "app_article");
    expect(tableNamed(schema, "app_author").primaryKey?.name).toBe("pk_app_author__id");
    expect(article.primaryKey?.name).toBe("PK_article_custom");
    expect(article.foreignKeys.map((key) => key.name)).toContain("fk_app_article__authorId");
    expect(article.foreignKeys.every((key) => key.referencedTable === "app_author")).toBe(true);
  });
});

describe("spatial columns and indexes", () => {
  @Entity()
  class Place {
    @PrimaryGeneratedColumn() id!: number;
    @Column("geometry", { spatialFeatureType: "Point", srid: 4326 })
    @Index({ spatial: true })
    location!: string;
    @Column("geography", { spatialFeatureType: "Polygon" }) area!: string;
    @Column("geometry") shape!: string;
    @Column() @Index({ fulltext: true }) name!: string;
  }

  it("write the feature type and SRID into the type and index with gist", async () => {
    const place = tableNamed(await schemaOf([Place]), "place");
    expect(place.columns.slice(1, 4).map((column) => column.type)).toEqual([
      "geometry(Point,4326)",
      "geography(Polygon)",
      "geometry",
    ]);
    expect(place.indexes.find((index) => index.columns[0] === "location")).toEqual({
      name: naming.indexName("place", ["location"]),
      columns: ["location"],
      unique: false,
      where: null,
      method: "gist",
    });
  });

  it("ignore fulltext, which PostgreSQL's CREATE INDEX has no clause for", async () => {
    const place = tableNamed(await schemaOf([Place]), "place");
    expect(place.indexes.find((index) => index.columns[0] === "name")?.method).toBe("btree");
  });
});
