/** Tests compile TypeScript exactly like the CLI's loader (see test/support/jest-transformer.js). */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": "<rootDir>/test/support/jest-transformer.js" },
  moduleNameMapper: { "^typeorm-autogen$": "<rootDir>/src/index.ts" },
  globalSetup: "<rootDir>/test/support/global-setup.ts",
  globalTeardown: "<rootDir>/test/support/global-teardown.ts",
  // A loaded CI machine can triple a test's time: the limit is for hangs, not for speed.
  testTimeout: 120000,
  // Most tests wait on PostgreSQL or a child process rather than compute, so three workers
  // keep two cores busy: the suite took 12 min with 3 workers where jest's default (cores - 1,
  // one worker here) took over 20.
  maxWorkers: 3,
};
