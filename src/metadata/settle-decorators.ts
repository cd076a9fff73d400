import type { MetadataArgsStorage } from "typeorm/metadata-args/MetadataArgsStorage";
import { EntityMetadataError } from "./metadata-errors";

/** Turns of the event loop the decorators must leave the storage alone before it counts as settled. */
const QUIET_TURNS = 3;
/** Past this many turns, decorators that keep arriving make the model impossible to pin down. */
const MAX_TURNS = 50;

/** How much the decorators have registered: the lengths of the storage's lists, summed. */
function registered(storage: object): number {
  return Object.values(storage).reduce<number>(
    (sum, value) => (Array.isArray(value) ? sum + value.length : sum),
    0,
  );
}

const timer = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const immediate = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * One turn: due timers, pending promises and two rounds of `setImmediate` callbacks run. Not
 * a 0 ms timer alone: on a loaded machine every pass of the event loop outlasts it, a timer
 * is due in every pass, and three quiet turns were then three passes, fewer than a chain of
 * `setImmediate`s a decorator may wait behind.
 */
const nextTurn = async (): Promise<void> => {
  await timer();
  await immediate();
  await immediate();
};

/**
 * Waits until the entity decorators stop registering metadata, so that the model is built
 * from all of them, the same on every run. Some applications apply `@Column`, `@ManyToOne` or
 * `@JoinTable` late, inside `setImmediate` or after a promise (feature-flag decorators do):
 * right after the entity files are imported, those have not run yet, and whether they have by
 * the time TypeORM builds its metadata depends on how long the imports took. So the event
 * loop is given turns (each lets pending promises, `setImmediate` callbacks and timers due by
 * then run) until the user's TypeORM's metadata args storage has not grown for three turns in a row: a few
 * milliseconds when nothing is pending. Decorators that wait on I/O or on a longer timer are
 * not waited for.
 *
 * @throws EntityMetadataError when decorators still arrive after fifty turns.
 */
export async function settleDecorators(storage: MetadataArgsStorage): Promise<void> {
  let size = registered(storage);
  let quiet = 0;
  for (let turn = 0; turn < MAX_TURNS; turn++) {
    await nextTurn();
    const now = registered(storage);
    quiet = now === size ? quiet + 1 : 0;
    size = now;
    if (quiet >= QUIET_TURNS) return;
  }
  throw new EntityMetadataError(
    `Entity decorators were still being applied after ${MAX_TURNS} turns of the event loop.`,
    "Apply the entities' decorators when their files are imported (or within a few turns of " +
      "the event loop): a model built while they keep arriving would differ from run to run.",
  );
}
