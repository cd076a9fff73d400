import type { ExpressionSyntax } from "../../schema/expression-syntax";
import { quoteIdent } from "./quote";

/**
 * SQLite keeps expressions as they were written, so a column appears quoted (`"age" > 0`, as
 * TypeORM writes it) or bare; both count, case-insensitively, as SQLite's names are.
 */
export const sqliteExpressions: ExpressionSyntax = {
  mentionsColumn(expression, column) {
    if (expression.toLowerCase().includes(quoteIdent(column).toLowerCase())) return true;
    const escaped = column.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return new RegExp(`(^|[^\\w$"])${escaped}($|[^\\w$"])`, "i").test(expression);
  },
};
