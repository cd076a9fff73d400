import { Column, Entity, PrimaryColumn } from "typeorm";
import { roundTrip } from "../autogen/support/run-case";

@Entity("words")
class Word {
  @PrimaryColumn() id!: number;
  @Column({ length: 50 }) text!: string;
}

@Entity("words")
class WordInC {
  @PrimaryColumn() id!: number;
  @Column({ length: 50, collation: "C" }) text!: string;
}

@Entity("words")
class WordInPosix {
  @PrimaryColumn() id!: number;
  @Column({ length: 50, collation: "POSIX" }) text!: string;
}

@Entity("words")
class LongerWordInC {
  @PrimaryColumn() id!: number;
  @Column({ length: 100, collation: "C" }) text!: string;
}

const SEED = `INSERT INTO words (id, text) VALUES (1, 'b'), (2, 'A'), (3, 'a')`;
const ROWS = `SELECT id, text FROM words ORDER BY id`;

describe("column collation", () => {
  it("creates a column with its collation", async () => {
    const run = await roundTrip({ after: [WordInC] });
    expect(run.file).toContain('op.column("text", "character varying(50)", { collation: "C" })');
  });

  it("gives an existing column a collation in place, keeping its values", async () => {
    const run = await roundTrip({
      before: [Word],
      after: [WordInC],
      seed: SEED,
      rows: ROWS,
      upgraded: async (db) =>
        expect(await db.query(`SELECT text FROM words ORDER BY text`)).toEqual([
          { text: "A" },
          { text: "a" },
          { text: "b" },
        ]),
    });
    expect(run.upgrade).toEqual([
      {
        kind: "alterColumn",
        schema: "public",
        table: "words",
        name: "text",
        from: { collation: null, type: "character varying(50)", typeSchema: null, isArray: false },
        to: { collation: "C", type: "character varying(50)", typeSchema: null, isArray: false },
      },
    ]);
    expect(run.review).toEqual([
      'WARNING: changes the collation of "words"."text" to "C" (indexes on it are rebuilt; unique ones fail if values collide under the new collation)',
    ]);
  });

  it("changes one collation for another and back to the default", async () => {
    await roundTrip({ before: [WordInC], after: [WordInPosix], seed: SEED, rows: ROWS });
    await roundTrip({ before: [WordInPosix], after: [Word], seed: SEED, rows: ROWS });
  });

  it("keeps the collation through a type change, which would otherwise reset it", async () => {
    const run = await roundTrip({
      before: [WordInC],
      after: [LongerWordInC],
      seed: SEED,
      rows: ROWS,
    });
    expect(run.upgrade).toEqual([
      expect.objectContaining({
        from: {
          type: "character varying(50)",
          typeSchema: null,
          isArray: false,
          collation: "C",
        },
        to: {
          type: "character varying(100)",
          typeSchema: null,
          isArray: false,
          collation: "C",
        },
      }),
    ]);
  });
});
