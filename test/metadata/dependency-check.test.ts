import { Entity, getMetadataArgsStorage, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { EntityMetadataBuilder } from "typeorm/metadata-builder/EntityMetadataBuilder";
import { EntityMetadataValidator } from "typeorm/metadata-builder/EntityMetadataValidator";
import {
  drawsEdgesFromNotNullRelations,
  quickDependencyCheck,
} from "../../src/metadata/dependency-check";
import { buildEntityMetadata } from "../../src/metadata";
import { offlineDataSource } from "./entity-schema";

@Entity()
class Loose {
  @PrimaryGeneratedColumn() id!: number;
  @ManyToOne(() => RingA, { nullable: true }) ring!: unknown;
}

@Entity()
class RingA {
  @PrimaryGeneratedColumn() id!: number;
  @ManyToOne(() => RingB, { nullable: false }) next!: unknown;
}

@Entity()
class RingB {
  @PrimaryGeneratedColumn() id!: number;
  @ManyToOne(() => RingC, { nullable: false }) next!: unknown;
}

@Entity()
class RingC {
  @PrimaryGeneratedColumn() id!: number;
  @ManyToOne(() => RingA, { nullable: false }) next!: unknown;
}

@Entity()
class Chained {
  @PrimaryGeneratedColumn() id!: number;
  @ManyToOne(() => Loose, { nullable: false }) loose!: unknown;
}

@Entity()
class Owner {
  @PrimaryGeneratedColumn() id!: number;
}

@Entity()
class Item {
  @PrimaryGeneratedColumn() id!: number;
  @ManyToOne(() => Owner, { nullable: false }) owner!: unknown;
  @ManyToOne(() => Item, { nullable: true }) parent!: unknown;
}

interface Entity {
  name: string;
  relationsWithJoinColumns: { isNullable: boolean; inverseEntityMetadata: { name: string } }[];
}

/** TypeORM's own builder and validator, untouched, on `entities`: its error message, if any. */
function typeormsOwnMessage(entities: (new () => unknown)[]): string | undefined {
  const dataSource = offlineDataSource(entities);
  const metadatas = new EntityMetadataBuilder(dataSource, getMetadataArgsStorage()).build(entities);
  try {
    new EntityMetadataValidator().validateMany(metadatas, dataSource.driver);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

describe("the dependency check used while validating the entity metadata", () => {
  it("recognises the installed TypeORM's check as one drawn from NOT NULL relations", () => {
    const { validateDependencies } = EntityMetadataValidator.prototype as unknown as {
      validateDependencies: () => unknown;
    };
    expect(drawsEdgesFromNotNullRelations(validateDependencies)).toBe(true);
  });

  it("refuses a cycle of NOT NULL relations with TypeORM's own message, the same path", async () => {
    const entities = [Loose, Chained, RingA, RingB, RingC];
    const expected = typeormsOwnMessage(entities);
    expect(expected).toMatch(/RingA -> RingB -> RingC -> RingA/);
    await expect(buildEntityMetadata(offlineDataSource(entities))).rejects.toThrow(
      `TypeORM could not build the entity metadata: ${expected}`,
    );
  });

  it("accepts NOT NULL relations that form no cycle, as TypeORM does", async () => {
    const entities = [Item, Owner];
    expect(typeormsOwnMessage(entities)).toBeUndefined();
    await expect(buildEntityMetadata(offlineDataSource(entities))).resolves.toBeUndefined();
  });

  it("hands TypeORM's check the entities at either end of a NOT NULL relation, in order", () => {
    const handed: string[][] = [];
    // A check of TypeORM's shape that records its graph's nodes instead of ordering them.
    const graph = { addDependency: (_from: string, _to: string) => undefined };
    const validator = {
      validateDependencies(entityMetadatas: Entity[]) {
        handed.push(entityMetadatas.map((m) => m.name));
        entityMetadatas.forEach((entityMetadata) => {
          entityMetadata.relationsWithJoinColumns
            .filter((relation) => !relation.isNullable)
            .forEach((relation) => {
              graph.addDependency(entityMetadata.name, relation.inverseEntityMetadata.name);
            });
        });
      },
    };
    quickDependencyCheck(validator);
    const notNull = (name: string) => ({ isNullable: false, inverseEntityMetadata: { name } });
    const nullable = (name: string) => ({ isNullable: true, inverseEntityMetadata: { name } });
    validator.validateDependencies([
      { name: "loose", relationsWithJoinColumns: [nullable("ringA")] },
      { name: "ringA", relationsWithJoinColumns: [notNull("ringB")] },
      { name: "alone", relationsWithJoinColumns: [] },
      { name: "ringB", relationsWithJoinColumns: [] },
    ]);
    expect(handed).toEqual([["ringA", "ringB"]]);
  });
});
