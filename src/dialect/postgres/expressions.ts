import type { ExpressionSyntax } from "../../schema/expression-syntax";
import { quoteIdent } from "./quote";

/**
 * PostgreSQL's canonical expressions name a column by its quoted identifier when it needs
 * quotes (`"wordCount"`) and bare otherwise (`price`), so both spellings count.
 */
export const postgresExpressions: ExpressionSyntax = {
  mentionsColumn(expression, column) {
    if (expression.includes(quoteIdent(column))) return true;
    const escaped = column.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return new RegExp(`(^|[^\\w$"])${escaped}($|[^\\w$"])`).test(expression);
  },
};

/**
 * The check that proves a column holds no NULL, as PostgreSQL prints it back, for the
 * NOT NULL plan that goes through a check (see `ops/plans-for-rows.ts`).
 */
export function isNotNullCheck(column: string): string {
  return `(${quoteIdent(column)} IS NOT NULL)`;
}
