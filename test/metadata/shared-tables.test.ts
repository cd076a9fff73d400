import {
  Column,
  Entity,
  JoinTable,
  ManyToMany,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from "typeorm";
import { EntityMetadataError } from "../../src/metadata";
import { schemaOf, tableNamed } from "./entity-schema";

@Entity("labels")
class Label {
  @PrimaryGeneratedColumn() id!: number;
}

@Entity("notes")
class Note {
  @PrimaryGeneratedColumn() id!: number;
  @ManyToMany(() => Label)
  @JoinTable({
    name: "note_labels",
    joinColumn: { name: "noteId", referencedColumnName: "id" },
    inverseJoinColumn: { name: "labelId", referencedColumnName: "id" },
  })
  labels!: Label[];
}

@Entity("note_labels")
class NoteLabel {
  @PrimaryColumn() noteId!: number;
  @PrimaryColumn() labelId!: number;
  @Column({ type: "timestamptz", default: () => "now()" }) labelledAt!: Date;
}

@Entity("note_labels")
class WideNoteLabel {
  @PrimaryColumn({ type: "bigint" }) noteId!: string;
  @PrimaryColumn() labelId!: number;
}

@Entity("note_labels")
class SurrogateNoteLabel {
  @PrimaryGeneratedColumn() id!: number;
  @Column() noteId!: number;
  @Column() labelId!: number;
}

@Entity("skus")
class Sku {
  @PrimaryColumn() id!: number;
  @Column({ unique: true }) code!: string;
}

@Entity("skus")
class SkuListing {
  @PrimaryColumn() id!: number;
  @Column() code!: string;
  @Column({ nullable: true }) listedAt!: Date;
}

@Entity("note_labels")
class CommentedNoteLabel {
  @PrimaryColumn({ comment: "the note" }) noteId!: number;
  @PrimaryColumn() labelId!: number;
}

/** The error `schemaFromEntities` throws for the entities, or a failure when it throws none. */
async function conflictOf(entities: unknown[]): Promise<EntityMetadataError> {
  const error: unknown = await schemaOf(entities as never).then(
    () => new Error("expected an EntityMetadataError"),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(EntityMetadataError);
  return error as EntityMetadataError;
}

describe("one table declared by several entities", () => {
  it("is one table holding the columns of every declaration, each once, in declaration order", async () => {
    const schema = await schemaOf([Label, Note, NoteLabel]);
    expect(schema.tables.map((table) => table.name)).toEqual(["labels", "note_labels", "notes"]);
    const table = tableNamed(schema, "note_labels");
    expect(table.columns.map((column) => column.name)).toEqual(["noteId", "labelId", "labelledAt"]);
    expect(table.primaryKey?.columns).toEqual(["noteId", "labelId"]);
    expect(table.indexes.map((index) => index.columns.join()).sort()).toEqual([
      "labelId",
      "noteId",
    ]);
    expect(table.foreignKeys.map((key) => key.referencedTable).sort()).toEqual(["labels", "notes"]);
  });

  it("stops with one error naming both declarations and the table when a column's type differs", async () => {
    const error = await conflictOf([Label, Note, WideNoteLabel]);
    expect(error.message).toBe(
      'Table "public.note_labels" is declared by WideNoteLabel and by the @JoinTable of ' +
        'Note.labels, which disagree on column "noteId": type bigint in WideNoteLabel, ' +
        "type integer in the @JoinTable of Note.labels.",
    );
    expect(error.hint).toMatch(/declare it the same way/);
  });

  it("stops with one error when the declarations give the table different primary keys", async () => {
    const error = await conflictOf([Label, Note, SurrogateNoteLabel]);
    expect(error.message).toBe(
      'Table "public.note_labels" is declared by SurrogateNoteLabel and by the @JoinTable of ' +
        'Note.labels, which disagree on the primary key: ("id") in SurrogateNoteLabel, ' +
        '("noteId", "labelId") in the @JoinTable of Note.labels.',
    );
  });

  it("stops with one error when only one declaration makes a shared column unique", async () => {
    const error = await conflictOf([Sku, SkuListing]);
    expect(error.message).toBe(
      'Table "public.skus" is declared by Sku and by SkuListing, which disagree on column ' +
        '"code": unique in Sku, not unique in SkuListing.',
    );
  });

  it("stops with one error when a shared column's comment differs", async () => {
    const error = await conflictOf([Label, Note, CommentedNoteLabel]);
    expect(error.message).toMatch(
      /which disagree on column "noteId": comment "the note" in CommentedNoteLabel, no comment in the @JoinTable of Note\.labels\.$/,
    );
  });
});
