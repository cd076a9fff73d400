export { renderMigration, type MigrationFileInput } from "./render-migration";
export { LARGE_PROJECT, prepareRenderer, renderMigrationFile } from "./render-worker";
export { formatCreatedAt } from "./header";
