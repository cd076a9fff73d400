import tseslint from "typescript-eslint";

/*
 * The layering, enforced: each stage of src/ may import only what comes before it in the flow
 * schema -> ops -> diff / dialect / render / lint -> runner / autogen -> commands -> cli
 * (docs/design-decisions.md, "Pipeline"), and each outside package has one home.
 */
const restriction = (message, regex, extra = {}) => ({ regex, message, ...extra });

/**
 * Only metadata/ reads TypeORM, and it reads the user's own package (metadata/user-typeorm.ts):
 * our copy is a dev dependency, so no stage imports it at run time. `import type` is erased.
 */
const typeorm = restriction(
  "Only `import type` from typeorm: src/metadata/user-typeorm.ts loads the user's own TypeORM.",
  "^typeorm(/|$)",
  { allowTypeImports: true },
);
const tsMorph = restriction("Only src/render/ imports ts-morph.", "^ts-morph(/|$)");
const yargs = restriction("Only src/cli/ imports yargs.", "^yargs(/|$)");
const pg = restriction("This stage does no I/O: no pg.", "^pg(/|$)");
const stage = (name, message) => restriction(message, `^\\.\\.?/(\\.\\./)*${name}(/|$)`);
const commands = stage("commands", "Nothing below commands/ imports commands/.");
const cli = stage("cli", "Only the entry point imports cli/; it is the top of the flow.");
const dialect = stage("dialect", "This stage is dialect-neutral: no dialect/.");
const runner = stage("runner", "This stage is pure: no runner/.");
const upstream = (names) =>
  names.map((name) => stage(name, `Imports flow one way: this stage comes before ${name}/.`));

/** What each stage must not import, besides the packages that live elsewhere. */
const STAGES = {
  schema: upstream([
    "ops",
    "diff",
    "dialect",
    "render",
    "lint",
    "introspect",
    "metadata",
    "runner",
    "autogen",
    "api",
    "config",
    "loader",
    "revisions",
    "migration-files",
  ]),
  ops: [
    dialect,
    runner,
    pg,
    ...upstream(["diff", "render", "lint", "introspect", "metadata", "autogen", "api"]),
  ],
  diff: [
    dialect,
    runner,
    pg,
    ...upstream(["render", "lint", "introspect", "metadata", "autogen", "api"]),
  ],
  lint: [dialect, runner, pg, ...upstream(["diff", "render", "introspect", "metadata", "autogen"])],
  render: [dialect, runner, ...upstream(["diff", "lint", "introspect", "metadata", "autogen"])],
  api: [
    dialect,
    runner,
    ...upstream(["diff", "render", "lint", "introspect", "metadata", "autogen"]),
  ],
  dialect: upstream([
    "introspect",
    "metadata",
    "diff",
    "render",
    "lint",
    "runner",
    "autogen",
    "migration-files",
  ]),
  introspect: upstream(["metadata", "runner", "autogen"]),
  metadata: upstream(["introspect", "dialect", "runner", "autogen"]),
  loader: upstream(["config", "metadata", "revisions", "migration-files", "runner", "autogen"]),
  revisions: upstream(["migration-files", "loader", "config", "runner", "dialect", "autogen"]),
  "migration-files": upstream(["runner", "autogen", "dialect"]),
  config: upstream(["metadata", "runner", "autogen"]),
  runner: upstream(["autogen"]),
  autogen: upstream(["runner"]),
  commands: [],
  cli: [],
};

const packagesFor = (name) => [
  typeorm,
  ...(name === "render" ? [] : [tsMorph]),
  ...(name === "cli" ? [] : [yargs]),
  ...(name === "commands" || name === "cli" ? [] : [commands]),
  ...(name === "cli" ? [] : [cli]),
];

const layering = Object.entries(STAGES).map(([name, own]) => ({
  files: [`src/${name}/**/*.ts`],
  rules: {
    "@typescript-eslint/no-restricted-imports": [
      "error",
      { patterns: [...packagesFor(name), ...own] },
    ],
  },
}));

export default tseslint.config(
  { ignores: ["dist/**", "coverage/**", ".autogen/**", "node_modules/**", "**/*.js", "**/*.mjs"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  ...layering,
  { files: ["src/**/*.ts"], rules: { "max-lines": ["error", { max: 500 }] } },
);
