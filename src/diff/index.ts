export { compareSchemas } from "./compare-schemas";
export { withInsertedLabels, enumUsages } from "./compare-enums";
