import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Output } from "./output";

const CONFIG_TEMPLATE = `import "reflect-metadata";
import { join } from "node:path";
import { DataSource } from "typeorm";
import type { AutogenOptions } from "typeorm-autogen";

/**
 * The DataSource autogen compares with the database. Without connection settings (and
 * without DATABASE_URL) autogen uses an embedded PostgreSQL under .autogen/.
 */
export default new DataSource({
  type: "postgres",
  entities: [join(__dirname, "src", "**", "*.entity.ts")],
});

export const autogen: AutogenOptions = {
  migrationsDir: "migrations",
};
`;

const GITIGNORE_LINES = ["# typeorm-autogen's embedded PostgreSQL", ".autogen/"];

export interface InitResult {
  readonly created: readonly string[];
  readonly kept: readonly string[];
}

/**
 * Scaffolds `ormconfig.ts`, `migrations/` and the `.gitignore` lines in a project. Never
 * overwrites: an existing file is kept and reported.
 */
export function init(options: { dir?: string; out: Output }): InitResult {
  const dir = resolve(options.dir ?? process.cwd());
  const created: string[] = [];
  const kept: string[] = [];

  const config = join(dir, "ormconfig.ts");
  if (existsSync(config)) kept.push("ormconfig.ts");
  else {
    writeFileSync(config, CONFIG_TEMPLATE);
    created.push("ormconfig.ts");
  }

  const migrations = join(dir, "migrations");
  if (existsSync(migrations)) kept.push("migrations/");
  else {
    mkdirSync(migrations, { recursive: true });
    writeFileSync(join(migrations, ".gitkeep"), "");
    created.push("migrations/");
  }

  const gitignore = join(dir, ".gitignore");
  const current = existsSync(gitignore) ? readFileSync(gitignore, "utf8") : "";
  if (current.split(/\r?\n/).some((line) => line.trim() === ".autogen/")) kept.push(".gitignore");
  else {
    const separator = current === "" || current.endsWith("\n") ? "" : "\n";
    writeFileSync(gitignore, `${current}${separator}${GITIGNORE_LINES.join("\n")}\n`);
    created.push(current === "" ? ".gitignore" : ".gitignore (added .autogen/)");
  }

  for (const name of created) options.out.info(`created ${name}`);
  for (const name of kept) options.out.info(`kept ${name} (already there)`);
  return { created, kept };
}
