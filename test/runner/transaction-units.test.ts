import type { MigrationContext } from "../../src/api";
import type { TransactionMode } from "../../src/config/options";
import { ops } from "../../src/ops/factories";
import type { Operation } from "../../src/ops/operations";
import type { MigrationStep } from "../../src/runner/run-steps";
import { describedStep, transactionUnits } from "../../src/runner/transaction-units";

/** How steps group into transactions in each mode (pure: no database). */
const addLabel = ops.alterEnum({
  schema: "public",
  name: "mood",
  from: ["a"],
  to: ["a", "b"],
  usages: [],
});

function step(revision: string, transactional = true): MigrationStep {
  return {
    revision,
    message: revision,
    file: `${revision}.ts`,
    direction: "upgrade",
    run: async (_context: MigrationContext) => undefined,
    transactional,
    removeHeads: [],
    addHeads: [revision],
  };
}

function units(mode: TransactionMode, steps: [MigrationStep, Operation[]][]): string[] {
  return transactionUnits(
    steps.map(([s, operations]) => describedStep(s, operations, mode)),
    mode,
  ).map(
    (u) => `${u.transactional ? "tx" : "no tx"}: ${u.steps.map((d) => d.step.revision).join(" ")}`,
  );
}

describe("transaction units", () => {
  const plain: [MigrationStep, Operation[]][] = [
    [step("a"), []],
    [step("b"), []],
    [step("c"), []],
  ];

  it("gives every migration its own transaction in mode each", () => {
    expect(units("each", plain)).toEqual(["tx: a", "tx: b", "tx: c"]);
  });

  it("puts the whole run in one transaction in mode all", () => {
    expect(units("all", plain)).toEqual(["tx: a b c"]);
  });

  it("uses no transaction in mode none", () => {
    expect(units("none", plain)).toEqual(["no tx: a", "no tx: b", "no tx: c"]);
  });

  it("cuts mode all around a migration that opts out", () => {
    expect(
      units("all", [
        [step("a"), []],
        [step("b", false), []],
        [step("c"), []],
        [step("d"), []],
      ]),
    ).toEqual(["tx: a", "no tx: b", "tx: c d"]);
  });

  it("cuts mode all before a migration whose enum labels must be committed first", () => {
    expect(
      units("all", [
        [step("a"), []],
        [step("b"), [addLabel]],
        [step("c"), []],
      ]),
    ).toEqual(["tx: a", "tx: b c"]);
  });

  it("hoists no label of a migration that runs outside a transaction", () => {
    const d = describedStep(step("a", false), [addLabel], "each");

    expect(d.hoisted.size).toBe(0);
  });

  it("hoists no label of an enum the same migration creates", () => {
    const create = ops.createEnum({ enum: { schema: "public", name: "mood", values: ["a"] } });
    const d = describedStep(step("a"), [create, addLabel], "each");

    expect(d.hoisted.size).toBe(0);
  });
});
