/**
 * The second TypeORM line: a focused subset of the suite run with `typeorm` mapped to the
 * newest 0.3.x (the `typeorm-0.3` npm alias), so every entity, DataSource and `synchronize`
 * oracle in it is 0.3's. CLI runs and child processes see the same line: test/support/
 * typeorm-line.js reads AUTOGEN_TEST_TYPEORM, set below.
 */
const base = require("./jest.config.js");

process.env.AUTOGEN_TEST_TYPEORM = "typeorm-0.3";

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  displayName: "typeorm 0.3",
  testMatch: [
    "<rootDir>/test/metadata/**/*.test.ts",
    "<rootDir>/test/convergence/**/*.test.ts",
    // Autogen cases where the lines' metadata builders differ most: tables several
    // declarations name, and junction tables / relation keys.
    "<rootDir>/test/autogen/shared-tables.test.ts",
    "<rootDir>/test/autogen/relation-shapes.test.ts",
    "<rootDir>/test/e2e/user-typeorm.test.ts",
    // TypeORM's own migration:run and migration:revert on the classes autogen writes.
    "<rootDir>/test/e2e/typeorm-format.test.ts",
    // A project built by the 0.3 CLI's migration:generate and migration:run, then adopted.
    "<rootDir>/test/e2e/adopt.test.ts",
  ],
  moduleNameMapper: {
    ...base.moduleNameMapper,
    "^typeorm$": "<rootDir>/node_modules/typeorm-0.3",
    "^typeorm/(.*)$": "<rootDir>/node_modules/typeorm-0.3/$1",
  },
};
