import {
  ChildEntity,
  Column,
  Entity,
  getMetadataArgsStorage,
  ManyToOne,
  PrimaryGeneratedColumn,
  TableInheritance,
} from "typeorm";
import { EntityMetadataBuilder } from "typeorm/metadata-builder/EntityMetadataBuilder";
import { buildEntityMetadata } from "../../src/metadata";
import { offlineDataSource } from "./entity-schema";
import {
  quickSingleTableChildSearch,
  searchesChildrenOnly,
} from "../../src/metadata/single-table-children";

interface Entity {
  readonly name: string;
  readonly tableType: string;
}

@Entity()
@TableInheritance({ column: { type: "varchar", name: "kind" } })
class Media {
  @PrimaryGeneratedColumn() id!: number;
  @Column() title!: string;
}

@ChildEntity()
class Picture extends Media {
  // NOT NULL as declared; in the table Media shares with its children it must be nullable.
  @Column() caption!: string;
}

@ChildEntity()
class Clip extends Media {
  @Column({ nullable: false }) seconds!: number;
}

@Entity()
class Album {
  @PrimaryGeneratedColumn() id!: number;
  @Column() name!: string;
  @ManyToOne(() => Picture) cover!: Picture;
}

const mediaEntities = [Media, Picture, Clip, Album];

/** Every column of every entity as `entity.column: nullable`. */
function nullability(
  metadatas: readonly {
    name: string;
    columns: readonly { propertyPath: string; isNullable: boolean }[];
  }[],
) {
  return metadatas.flatMap((m) =>
    m.columns.map((c) => `${m.name}.${c.propertyPath}: ${c.isNullable}`),
  );
}

/** A builder whose step records the entities it was handed. */
class RecordingBuilder {
  seen: string[][] = [];
  computeEntityMetadataStep1(allEntityMetadatas: Entity[], entityMetadata: Entity) {
    // Read through `arguments`: a second use of the parameter by name would not be TypeORM's.
    // eslint-disable-next-line prefer-rest-params
    this.seen.push((arguments[0] as Entity[]).map((m) => m.name));
    return allEntityMetadatas.find(
      (otherEntityMetadata) =>
        otherEntityMetadata.tableType === "entity-child" &&
        otherEntityMetadata.name === entityMetadata.name,
    );
  }
}

describe("the single-table-child search used while TypeORM builds the metadata", () => {
  it("recognises the step of the installed TypeORM as one that searches children only", () => {
    const { computeEntityMetadataStep1: step } = EntityMetadataBuilder.prototype as unknown as {
      computeEntityMetadataStep1: () => unknown;
    };
    expect(searchesChildrenOnly(step)).toBe(true);
  });

  it("builds the columns TypeORM's own builder builds, single-table children's made nullable", async () => {
    const dataSource = offlineDataSource(mediaEntities);
    await buildEntityMetadata(dataSource);
    const own = new EntityMetadataBuilder(
      offlineDataSource(mediaEntities),
      getMetadataArgsStorage(),
    ).build(mediaEntities);
    expect(nullability(dataSource.entityMetadatas)).toEqual(nullability(own));
    expect(nullability(dataSource.entityMetadatas)).toContain("Media.caption: true");
  });

  it("hands the step the entity-child entities only, in their order, then puts it back", () => {
    const original = RecordingBuilder.prototype.computeEntityMetadataStep1;
    const all: Entity[] = [
      { name: "content", tableType: "regular" },
      { name: "photo", tableType: "entity-child" },
      { name: "tag", tableType: "regular" },
      { name: "video", tableType: "entity-child" },
    ];
    const builder = new RecordingBuilder();
    const restore = quickSingleTableChildSearch(RecordingBuilder);
    try {
      expect(builder.computeEntityMetadataStep1(all, all[3]!)).toBe(all[3]);
      expect(builder.computeEntityMetadataStep1(all, all[2]!)).toBeUndefined();
    } finally {
      restore();
    }
    expect(builder.seen).toEqual([
      ["photo", "video"],
      ["photo", "video"],
    ]);
    expect(RecordingBuilder.prototype.computeEntityMetadataStep1).toBe(original);
  });

  it("leaves a step that uses the entities for anything else as it is", () => {
    class OtherBuilder {
      computeEntityMetadataStep1(allEntityMetadatas: Entity[]) {
        return (
          allEntityMetadatas.length +
          allEntityMetadatas.filter((m) => m.tableType === "view").length
        );
      }
    }
    const original = OtherBuilder.prototype.computeEntityMetadataStep1;
    const restore = quickSingleTableChildSearch(OtherBuilder);
    expect(OtherBuilder.prototype.computeEntityMetadataStep1).toBe(original);
    restore();
    expect(OtherBuilder.prototype.computeEntityMetadataStep1).toBe(original);
  });
});
