import type { CreateViewOp, DropViewOp } from "../../../ops/operations";
import { qualifiedName } from "../quote";

const kind = (materialized: boolean): string => (materialized ? "MATERIALIZED VIEW" : "VIEW");

/**
 * The query is canonical SQL from the model (`pg_get_viewdef` text), written as it is. A
 * materialized view is created `WITH DATA` (PostgreSQL's default): it is usable, and its
 * indexes buildable, as soon as the migration has run.
 */
export function compileCreateView(op: CreateViewOp): string[] {
  const { view } = op;
  return [
    `CREATE ${kind(view.materialized)} ${qualifiedName(view.schema, view.name)} AS\n${view.definition}`,
  ];
}

/** No `CASCADE`: a view something else still reads must make PostgreSQL refuse. */
export function compileDropView(op: DropViewOp): string[] {
  return [`DROP ${kind(op.materialized)} ${qualifiedName(op.schema, op.name)}`];
}
