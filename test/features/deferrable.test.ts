import { Column, Entity, ManyToOne, PrimaryColumn, Unique } from "typeorm";
import { roundTrip } from "../autogen/support/run-case";

@Entity("nodes")
class Node {
  @PrimaryColumn() id!: number;
}

@Entity("links")
@Unique("UQ_links_position", ["position"])
class Link {
  @PrimaryColumn() id!: number;
  @Column() position!: number;
  @ManyToOne(() => Node) node!: Node;
}

@Entity("links")
@Unique("UQ_links_position", ["position"], { deferrable: "INITIALLY DEFERRED" })
class DeferredLink {
  @PrimaryColumn() id!: number;
  @Column() position!: number;
  @ManyToOne(() => Node, { deferrable: "INITIALLY DEFERRED", onDelete: "CASCADE" }) node!: Node;
}

@Entity("links")
@Unique("UQ_links_position", ["position"], { deferrable: "INITIALLY IMMEDIATE" })
class ImmediateLink {
  @PrimaryColumn() id!: number;
  @Column() position!: number;
  @ManyToOne(() => Node, { deferrable: "INITIALLY IMMEDIATE", onDelete: "CASCADE" }) node!: Node;
}

const SEED = `INSERT INTO nodes (id) VALUES (1), (2);
  INSERT INTO links (id, position, "nodeId") VALUES (1, 1, 1), (2, 2, 2)`;
const ROWS = `SELECT id, position, "nodeId" FROM links ORDER BY id`;
const kinds = (list: readonly { kind: string }[]) => list.map((op) => op.kind);

describe("deferrable foreign keys and unique constraints", () => {
  it("creates them deferrable, as TypeORM declares them", async () => {
    const run = await roundTrip({ after: [Node, DeferredLink] });
    expect(run.file).toContain('deferrable: "INITIALLY DEFERRED"');
    expect(run.upgrade.find((op) => op.kind === "addForeignKey")).toEqual(
      expect.objectContaining({
        foreignKey: expect.objectContaining({ deferrable: "INITIALLY DEFERRED" }),
      }),
    );
  });

  it("makes existing constraints deferrable by dropping and re-adding them, keeping the rows", async () => {
    const run = await roundTrip({
      before: [Node, Link],
      after: [Node, DeferredLink],
      seed: SEED,
      rows: ROWS,
    });
    expect(kinds(run.upgrade)).toEqual([
      "dropForeignKey",
      "dropUnique",
      "addUnique",
      "addForeignKey",
    ]);
  });

  it("tells INITIALLY IMMEDIATE from INITIALLY DEFERRED", async () => {
    const run = await roundTrip({
      before: [Node, DeferredLink],
      after: [Node, ImmediateLink],
      seed: SEED,
      rows: ROWS,
    });
    expect(kinds(run.upgrade)).toEqual([
      "dropForeignKey",
      "dropUnique",
      "addUnique",
      "addForeignKey",
    ]);
  });
});
