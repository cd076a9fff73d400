import "reflect-metadata";
import { join } from "node:path";
import { DataSource } from "typeorm";
import type { AutogenOptions } from "typeorm-autogen";

/**
 * The example project: a small blog. No connection settings here, so `autogen` uses its
 * embedded PostgreSQL (data in .autogen/); set DATABASE_URL to use another server.
 */
export default new DataSource({
  type: "postgres",
  entities: [join(__dirname, "entities", "*.ts")],
  // gen_random_uuid() is built into PostgreSQL 13+; uuid-ossp would need an extension.
  uuidExtension: "pgcrypto",
});

export const autogen: AutogenOptions = {
  migrationsDir: "migrations",
};
