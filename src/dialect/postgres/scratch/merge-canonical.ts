import { AutogenError } from "../../../errors";
import type { Column, Table } from "../../../schema/model";
import { displayName } from "../../../schema/normalize";
import type { ScratchTable } from "./scratch-plan";

// PostgreSQL stores no empty comments (`COMMENT ... IS ''` removes the comment), so an
// empty comment in the model reads back as none.
const storedComment = (comment: string | null): string | null => (comment === "" ? null : comment);

/**
 * A model table with what PostgreSQL read back from its scratch table: defaults, generation
 * expressions, check and exclusion expressions and index predicates as printed; the type of every column declared with a
 * built-in type as `format_type` prints it (`varchar(255)` -> `character varying(255)`,
 * `timestamptz` -> `timestamp with time zone`), so an alias in the model is no difference.
 * Columns of user-defined types keep the model's type: a stand-in column reads as `text`.
 */
export function mergeCanonical(scratch: ScratchTable, canonical: Table | undefined): Table {
  const { model } = scratch;
  const lost = (what: string): never => {
    throw new AutogenError(
      "canonicalize",
      `${what} of the scratch table for ${displayName(model)} could not be read back.`,
    );
  };
  if (!canonical) return lost("Everything");
  const columns = new Map(canonical.columns.map((c) => [c.name, c]));
  const column = (modelColumn: Column): Column => {
    const read = columns.get(modelColumn.name) ?? lost(`Column "${modelColumn.name}"`);
    const builtIn = modelColumn.typeSchema === null;
    return {
      ...modelColumn,
      ...(builtIn ? { type: read.type, typeSchema: read.typeSchema, isArray: read.isArray } : {}),
      default: scratch.defaults.has(modelColumn.name) ? read.default : modelColumn.default,
      comment: storedComment(modelColumn.comment),
      ...(modelColumn.generated !== undefined
        ? { generated: read.generated ?? lost(`Generated column "${modelColumn.name}"`) }
        : {}),
    };
  };
  return {
    ...model,
    columns: model.columns.map(column),
    checks: model.checks.map((check, i) => {
      const read = canonical.checks.find((c) => c.name === scratch.checks[i]);
      return { ...check, expression: (read ?? lost(`Check "${check.name}"`)).expression };
    }),
    indexes: model.indexes.map((index, i) => {
      const name = scratch.indexes[i];
      if (!name) return index;
      const read = canonical.indexes.find((x) => x.name === name);
      return { ...index, where: (read ?? lost(`Index "${index.name}"`)).where };
    }),
    comment: storedComment(model.comment),
    ...(model.exclusions !== undefined
      ? {
          exclusions: model.exclusions.map((exclusion, i) => {
            const read = (canonical.exclusions ?? []).find((x) => x.name === scratch.exclusions[i]);
            const expression = (read ?? lost(`Exclusion "${exclusion.name}"`)).expression;
            return { ...exclusion, expression };
          }),
        }
      : {}),
  };
}
