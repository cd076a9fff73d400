export {
  introspectDatabase,
  schemaFromCatalog,
  type IntrospectOptions,
} from "./introspect-database";
export { checkExpression } from "./constraints-from-rows";
export { stripOwnTypeCast } from "./column-from-row";
export { readCatalog, readViews } from "./read-catalog";
export { postgresCatalog } from "./catalog-reader";
export { readRowEstimates, type RowEstimates } from "./row-estimates";
export { readUserSchemas } from "./user-schemas";
