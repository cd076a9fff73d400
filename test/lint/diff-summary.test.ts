import { summarizeDiff, type SummaryInput } from "../../src/lint/diff-summary";
import { failOnFindings, parseFailOn } from "../../src/lint/fail-on";
import { summaryMarkdown } from "../../src/lint/summary-markdown";
import { ops } from "../../src/ops/factories";
import { tableLocksOf } from "../../src/ops/table-locks";
import { refKey } from "../../src/schema/keys";

const orders = { schema: "public", table: "orders" };
const rows = new Map([[refKey({ schema: "public", name: "orders" }), 2_100_000]]);
const input = (over: Partial<SummaryInput>): SummaryInput => ({
  upgrade: [],
  downgrade: [],
  rows,
  sql: [],
  decided: [],
  undecided: [],
  flagOf: (c) => `--rename ${c.table}.${c.from}=${c.to}`,
  ...over,
});

describe("table locks per operation kind", () => {
  it.each([
    [ops.renameColumn({ ...orders, from: "a", to: "b" }), "ACCESS EXCLUSIVE"],
    [ops.renameIndex({ ...orders, from: "i", to: "j" }), "SHARE UPDATE EXCLUSIVE"],
    [ops.execute({ sql: "SELECT 1" }), "no table lock it can know"],
  ])("%j takes %s", (op, level) => {
    expect(tableLocksOf(op)[0]?.level ?? "no table lock it can know").toBe(level);
  });
});

describe("the diff summary", () => {
  const rename = ops.renameColumn({ ...orders, from: "total", to: "amount" });
  const script = ops.execute({ sql: "UPDATE orders SET amount = 0" });

  it("marks hand-written SQL without reverseSql irreversible, and the whole diff with it", () => {
    const summary = summarizeDiff(input({ upgrade: [rename, script] }));

    expect(summary.operations.map((op) => [op.kind, op.lock, op.reversible])).toEqual([
      ["renameColumn", "ACCESS EXCLUSIVE", true],
      ["execute", null, false],
    ]);
    expect(summary.reversible).toBe(false);
    expect(summary.tables).toEqual([
      {
        schema: "public",
        name: "orders",
        rows: 2_100_000,
        lock: "ACCESS EXCLUSIVE",
        rewrite: false,
      },
    ]);
  });

  it("lists decided and undecided renames in markdown, with the flag that decides one", () => {
    const markdown = summaryMarkdown(
      summarizeDiff(
        input({
          upgrade: [rename],
          decided: [
            { kind: "column", schema: "public", table: "orders", from: "total", to: "amount" },
          ],
          undecided: [
            {
              kind: "column",
              schema: "public",
              table: "orders",
              from: "note",
              to: "memo",
              score: 0.8,
            },
          ],
        }),
      ),
    );

    expect(markdown).toContain('- column of "orders" "total" -> "amount": renamed, rows kept');
    expect(markdown).toContain(
      '- "note" -> "memo": dropped and added, data lost unless `--rename orders.note=memo`',
    );
    expect(markdown).toContain('| "orders" | ~2.1M rows | ACCESS EXCLUSIVE | no |');
  });

  it("--fail-on irreversible trips on the hand-written step, destructive does not", () => {
    const summary = summarizeDiff(input({ upgrade: [rename, script] }));

    expect(failOnFindings(summary, parseFailOn(["irreversible"]))).toEqual(["cannot be reversed"]);
    expect(failOnFindings(summary, parseFailOn(["destructive"]))).toEqual([]);
  });

  it("refuses a --fail-on name it does not know, even one Object has", () => {
    expect(() => parseFailOn(["constructor"])).toThrow('--fail-on: unknown hazard "constructor".');
  });
});
