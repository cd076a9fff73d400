export { renderMigration, type MigrationFileInput } from "./render-migration";
export { prepareRenderer, renderMigrationFile } from "./render-worker";
export { formatCreatedAt } from "./header";
