/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * Each command's module, required when the command runs rather than when the CLI starts:
 * `current` or `heads` must not pay for TypeORM's metadata builder, the compare pipeline or
 * ts-morph, which `revision` needs. A `require` (not `import()`) because dist/ is CommonJS.
 */
export const commands = {
  adopt: () => require("../commands/adopt") as typeof import("../commands/adopt"),
  branches: () => require("../commands/branches") as typeof import("../commands/branches"),
  check: () => require("../commands/check") as typeof import("../commands/check"),
  init: () => require("../commands/init") as typeof import("../commands/init"),
  inspect: () => require("../commands/inspect") as typeof import("../commands/inspect"),
  merge: () => require("../commands/merge") as typeof import("../commands/merge"),
  migrate: () => require("../commands/migrate") as typeof import("../commands/migrate"),
  revision: () => require("../commands/revision") as typeof import("../commands/revision"),
  show: () => require("../commands/show") as typeof import("../commands/show"),
  stamp: () => require("../commands/stamp") as typeof import("../commands/stamp"),
  verify: () => require("../commands/verify") as typeof import("../commands/verify"),
  diff: () => require("../commands/diff") as typeof import("../commands/diff"),
  fleet: () => require("../commands/fleet") as typeof import("../commands/fleet"),
  /** The render worker alone, which `revision` starts before its own module loads. */
  renderer: () => require("../render/render-worker") as typeof import("../render/render-worker"),
};
