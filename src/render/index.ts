export { renderMigration, type MigrationFileInput } from "./render-migration";
export { formatCreatedAt } from "./header";
