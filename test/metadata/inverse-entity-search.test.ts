import {
  Entity,
  getMetadataArgsStorage,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
} from "typeorm";
import type { EntityMetadata } from "typeorm";
import { EntityMetadataBuilder } from "typeorm/metadata-builder/EntityMetadataBuilder";
import { buildEntityMetadata } from "../../src/metadata";
import { searchesInverseEntitiesOnly } from "../../src/metadata/inverse-entity-search";
import { offlineDataSource } from "./entity-schema";

@Entity("writers")
class Author {
  @PrimaryGeneratedColumn() id!: number;
  @OneToMany(() => Book, (book) => book.author) books!: unknown[];
}

@Entity()
class Book {
  @PrimaryGeneratedColumn() id!: number;
  // By class, by the class's name and by the table's name.
  @ManyToOne(() => Author, (author) => author.books) author!: Author;
  @ManyToOne("Author") editor!: unknown;
  @ManyToOne("writers") reviewer!: unknown;
  @ManyToOne(() => Book) sequelTo!: unknown;
}

// Each names Author by a string only, so nothing else points its search at Author.
@Entity()
class Review {
  @PrimaryGeneratedColumn() id!: number;
  @ManyToOne("writers") writer!: unknown;
}

@Entity()
class Note {
  @PrimaryGeneratedColumn() id!: number;
  @ManyToOne("Author") author!: unknown;
}

@Entity()
class Orphan {
  @PrimaryGeneratedColumn() id!: number;
  @ManyToOne("Missing") missing!: unknown;
}

/** Every relation as `entity.property -> inverse entity (inverse property)`. */
function inverses(metadatas: readonly EntityMetadata[]): string[] {
  return metadatas.flatMap((m) =>
    m.relations.map(
      (r) =>
        `${m.name}.${r.propertyPath} -> ${r.inverseEntityMetadata.name} (${r.inverseRelation?.propertyPath ?? "-"})`,
    ),
  );
}

/** TypeORM's own builder, untouched. */
function ownBuild(entities: (new () => unknown)[]): EntityMetadata[] {
  return new EntityMetadataBuilder(offlineDataSource(entities), getMetadataArgsStorage()).build(
    entities,
  );
}

describe("the inverse-entity search used while TypeORM builds the metadata", () => {
  it("recognises the step of the installed TypeORM as one that searches by relation type only", () => {
    const { computeInverseProperties: step } = EntityMetadataBuilder.prototype as unknown as {
      computeInverseProperties: () => unknown;
    };
    expect(searchesInverseEntitiesOnly(step)).toBe(true);
  });

  it("finds the entity at the other end of every relation TypeORM's own builder finds", async () => {
    const entities = [Author, Book, Review, Note];
    const dataSource = offlineDataSource(entities);
    await buildEntityMetadata(dataSource);
    expect(inverses(dataSource.entityMetadatas)).toEqual(inverses(ownBuild(entities)));
    expect(inverses(dataSource.entityMetadatas)).toEqual(
      expect.arrayContaining([
        "Book.editor -> Author (-)",
        "Book.reviewer -> Author (-)",
        "Book.author -> Author (books)",
        "Review.writer -> Author (-)",
        "Note.author -> Author (-)",
      ]),
    );
  });

  it("refuses a relation to an entity that is not listed with TypeORM's own message", async () => {
    const entities = [Author, Book, Orphan];
    const expected = (() => {
      try {
        ownBuild(entities);
        return "built";
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(expected).toMatch(/Orphan#missing was not found/);
    await expect(buildEntityMetadata(offlineDataSource(entities))).rejects.toThrow(expected);
  });
});
