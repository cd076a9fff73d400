import vm from "node:vm";
import { collectGarbageIfLarge } from "../../src/loader/collect-garbage";

/** An object only a WeakRef holds, made in an earlier turn (a WeakRef keeps its target for the turn). */
async function unreachable(): Promise<WeakRef<object>> {
  const ref = new WeakRef({ payload: "x".repeat(1000) });
  await new Promise((done) => setImmediate(done));
  return ref;
}

describe("a full collection between stages when the heap is large", () => {
  it("collects garbage when the heap holds more than the threshold", async () => {
    const ref = await unreachable();

    expect(collectGarbageIfLarge(0)).toBe(true);
    expect(ref.deref()).toBeUndefined();
  });

  it("does nothing while the heap is below the threshold", () => {
    expect(collectGarbageIfLarge(Number.MAX_SAFE_INTEGER)).toBe(false);
  });

  it("leaves no gc() behind for the user's code", () => {
    collectGarbageIfLarge(0);

    expect(typeof (globalThis as { gc?: unknown }).gc).toBe("undefined");
    expect(vm.runInNewContext("typeof gc")).toBe("undefined");
  });
});
