/**
 * How a dialect's canonical SQL expressions (defaults, checks, index predicates) name columns.
 * The diff needs to know which constraints and indexes read a column it drops and adds again,
 * but it must not parse or quote SQL itself: that knowledge is the dialect's, which implements
 * this interface (`postgres.expressions`) and is handed to `compareSchemas` by its caller.
 */
export interface ExpressionSyntax {
  /**
   * Whether `expression` may name `column`, quoted or bare. A false match only costs a needless
   * rebuild; a missed one would leave a dropped constraint behind, so err towards true.
   */
  mentionsColumn(expression: string, column: string): boolean;
}
