/**
 * TypeORM's own `synchronize` of a project, in a plain Node process as the application would
 * run it: the project's config file is loaded with autogen's TypeScript loader (the built
 * dist/), its DataSource (or the Promise of one) initialised against DATABASE_URL and
 * synchronised. Usage: node synchronize.js <config file>
 */
const { resolve } = require("node:path");

const root = resolve(__dirname, "../../..");
require(resolve(root, "dist/loader/typescript-loader.js")).registerTypeScriptLoader();

async function main() {
  const loaded = require(resolve(process.argv[2]));
  const dataSource = await (loaded.default ?? loaded.dataSource);
  await dataSource.initialize();
  try {
    await dataSource.synchronize();
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
