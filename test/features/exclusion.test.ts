import { Column, Entity, Exclusion, PrimaryColumn } from "typeorm";
import { roundTrip } from "../autogen/support/run-case";

@Entity("bookings")
class Booking {
  @PrimaryColumn() id!: number;
  @Column() room!: number;
  @Column("tsrange") during!: string;
}

@Entity("bookings")
@Exclusion(`USING gist ("room" WITH =, "during" WITH &&)`)
class ExclusiveBooking {
  @PrimaryColumn() id!: number;
  @Column() room!: number;
  @Column("tsrange") during!: string;
}

@Entity("bookings")
@Exclusion("XCL_bookings_room", `USING gist ("room" WITH =, "during" WITH &&) WHERE ("room" > 0)`)
class PartlyExclusiveBooking {
  @PrimaryColumn() id!: number;
  @Column() room!: number;
  @Column("tsrange") during!: string;
}

const SEED = `INSERT INTO bookings (id, room, during) VALUES
  (1, 1, '[2026-01-01 10:00, 2026-01-01 11:00)'), (2, 1, '[2026-01-01 11:00, 2026-01-01 12:00)')`;
const ROWS = `SELECT id, room, during::text FROM bookings ORDER BY id`;
const kinds = (list: readonly { kind: string }[]) => list.map((op) => op.kind);

describe("exclusion constraints", () => {
  it("creates a table with one, and the btree_gist extension its = needs, first", async () => {
    const run = await roundTrip({ after: [ExclusiveBooking] });
    expect(kinds(run.upgrade)).toEqual(["createExtension", "createTable"]);
    expect(run.upgrade[0]).toEqual({ kind: "createExtension", name: "btree_gist" });
    expect(run.file).toContain('expression: "USING gist (room WITH =, during WITH &&)"');
  });

  it("adds one to a table with rows, with a warning", async () => {
    const run = await roundTrip({
      before: [Booking],
      after: [ExclusiveBooking],
      seed: SEED,
      rows: ROWS,
    });
    expect(kinds(run.upgrade)).toEqual(["createExtension", "addExclusion"]);
    expect(run.review[1]).toMatch(/^WARNING: adds exclusion constraint "XCL_\w+" on "bookings"/);
  });

  it("replaces one whose expression changes and drops one that goes away", async () => {
    const changed = await roundTrip({
      before: [ExclusiveBooking],
      after: [PartlyExclusiveBooking],
      seed: SEED,
      rows: ROWS,
    });
    expect(kinds(changed.upgrade)).toEqual(["dropExclusion", "addExclusion"]);
    const dropped = await roundTrip({ before: [ExclusiveBooking], after: [Booking] });
    expect(kinds(dropped.upgrade)).toEqual(["dropExclusion"]);
  });
});
