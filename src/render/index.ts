export { renderMigration, type MigrationFileInput } from "./render-migration";
export { LARGE_PROJECT, prepareRenderer, renderMigrationFile, sizeRenderer } from "./render-worker";
export { formatCreatedAt } from "./header";
