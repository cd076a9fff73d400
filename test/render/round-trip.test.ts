import fc from "fast-check";
import type { Operation, OperationKind } from "../../src/ops/operations";
import { renderMigration, type MigrationFileInput } from "../../src/render";
import { anyText, arbitraryOperation } from "./support/arbitrary-operations";
import { MigrationFolder, withoutPrevious } from "./support/replay";
import { hostileStrings, sampleOperations, samplesByKind } from "./support/sample-operations";

const folder = new MigrationFolder();
afterAll(() => folder.remove());

function file(upgrade: readonly Operation[], downgrade: readonly Operation[]): MigrationFileInput {
  return {
    message: "round trip",
    revision: "5c1f0e9a2b7d",
    downRevision: null,
    createdAt: new Date("2026-11-21T22:00:00Z"),
    upgrade,
    downgrade,
    review: [],
  };
}

async function expectRoundTrip(upgrade: readonly Operation[], downgrade: readonly Operation[]) {
  const replayed = await folder.replay(renderMigration(file(upgrade, downgrade)));
  expect(replayed.upgrade).toStrictEqual(upgrade.map(withoutPrevious));
  expect(replayed.downgrade).toStrictEqual(downgrade.map(withoutPrevious));
}

/** Every string in an operation replaced, except the few the API accepts from a closed set. */
function withEveryString(op: Operation, text: string): Operation {
  const closed = new Set(["kind", "onDelete", "onUpdate"]);
  const replace = (value: unknown, key: string): unknown => {
    if (typeof value === "string") return closed.has(key) ? value : text;
    if (Array.isArray(value)) return value.map((item: unknown) => replace(item, key));
    if (value !== null && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replace(v, k)]));
    }
    return value;
  };
  return replace(op, "") as Operation;
}

describe("a rendered migration file replayed through the op API", () => {
  it.each(Object.keys(samplesByKind) as OperationKind[])(
    "gives back the same %s operations in upgrade and downgrade, minus `previous`",
    async (kind) => {
      const samples = samplesByKind[kind];
      await expectRoundTrip(samples, [...samples].reverse());
    },
  );

  it("gives back a whole list of operations in order", async () => {
    await expectRoundTrip(sampleOperations, [...sampleOperations].reverse());
  });

  it.each(hostileStrings.map((text) => [JSON.stringify(text), text]))(
    "reproduces every name and expression when they are %s",
    async (_label, text) => {
      await expectRoundTrip(
        sampleOperations.map((op) => withEveryString(op, text)),
        [],
      );
    },
  );

  it("reproduces random operations made of arbitrary strings", async () => {
    const list = fc.array(arbitraryOperation(anyText), { maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(list, list, (upgrade, downgrade) => expectRoundTrip(upgrade, downgrade)),
      { numRuns: 150 },
    );
  });

  it("runs empty upgrade and downgrade functions without recording anything", async () => {
    const replayed = await folder.replay(renderMigration(file([], [])));
    expect(replayed.upgrade).toEqual([]);
    expect(replayed.downgrade).toEqual([]);
  });
});
