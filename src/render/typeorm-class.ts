import { commentLines, formatCreatedAt } from "./header";
import { stringLiteral } from "./string-literal";
import { templateLiteral } from "./template-literal";

/**
 * The statements of one method, compiled by the dialect from the operations (the caller's
 * job: render/ prints text, it does not compile).
 */
export interface TypeOrmMethodSql {
  /**
   * Statements committed before the others, in a transaction of their own: enum labels that
   * PostgreSQL refuses to use in the transaction that added them. autogen's runner does the
   * same (see runner/hoist-enum-labels.ts).
   */
  readonly committedFirst: readonly string[];
  readonly statements: readonly string[];
}

/** Everything a TypeORM migration class states. */
export interface TypeOrmClassInput {
  readonly message: string;
  /** `<Name><timestamp>`, also the `name` property TypeORM records (see typeOrmMigrationName). */
  readonly className: string;
  readonly createdAt: Date;
  readonly review: readonly string[];
  readonly up: TypeOrmMethodSql;
  readonly down: TypeOrmMethodSql;
}

const MEMBER = "  ";
const BODY = "    ";

function header(input: TypeOrmClassInput): string {
  const trimmed = input.message.trim();
  const lines = [
    ...(trimmed === "" ? ["(no message)"] : commentLines(trimmed)),
    "",
    `Created: ${formatCreatedAt(input.createdAt)}`,
    "Written by `autogen revision --format typeorm` for TypeORM's migration:run and",
    "migration:revert; `down` reverses `up`.",
  ];
  if (input.review.length > 0) {
    lines.push("", "Review:");
    for (const note of input.review) {
      const [first = "", ...rest] = commentLines(note);
      lines.push(`- ${first}`.trimEnd(), ...rest.map((line) => (line === "" ? "" : `  ${line}`)));
    }
  }
  return ["/**", ...lines.map((line) => (line === "" ? " *" : ` * ${line}`)), " */", ""].join("\n");
}

const query = (indent: string, sql: string): string =>
  `${indent}await queryRunner.query(${templateLiteral(sql)});\n`;

/**
 * A method that commits enum labels first. TypeORM's `migration:run` honours the class's
 * `transaction = false` and starts no transaction; `migration:revert` ignores it and calls
 * `down` inside one. So the method commits the transaction it is given, if any, adds the
 * labels, and runs the rest in a new transaction: its own (committed here) or, in a revert,
 * one TypeORM goes on to commit with its bookkeeping, as it would have the first.
 */
function labelsFirstBody(sql: TypeOrmMethodSql): string {
  const inner = `${BODY}  `;
  return [
    `${BODY}// PostgreSQL cannot use an enum label in the transaction that added it: the labels\n`,
    `${BODY}// are committed first, then the rest runs in one transaction.\n`,
    `${BODY}const ownTransaction = !queryRunner.isTransactionActive;\n`,
    `${BODY}if (!ownTransaction) await queryRunner.commitTransaction();\n`,
    ...sql.committedFirst.map((statement) => query(BODY, statement)),
    `${BODY}await queryRunner.startTransaction();\n`,
    `${BODY}try {\n`,
    ...sql.statements.map((statement) => query(inner, statement)),
    `${inner}if (ownTransaction) await queryRunner.commitTransaction();\n`,
    `${BODY}} catch (error) {\n`,
    `${inner}if (ownTransaction) await queryRunner.rollbackTransaction();\n`,
    `${inner}throw error;\n`,
    `${BODY}}\n`,
  ].join("");
}

function method(name: "up" | "down", sql: TypeOrmMethodSql): string {
  const signature = `${MEMBER}public async ${name}(queryRunner: QueryRunner): Promise<void> {\n`;
  let body: string;
  if (sql.committedFirst.length > 0) body = labelsFirstBody(sql);
  else if (sql.statements.length === 0)
    body = `${BODY}// No statements.\n${BODY}void queryRunner;\n`;
  else body = sql.statements.map((statement) => query(BODY, statement)).join("");
  return `${signature}${body}${MEMBER}}\n`;
}

/**
 * The text of a TypeORM migration: a header comment, then a class implementing TypeORM's
 * `MigrationInterface` whose `up` and `down` send the compiled statements through
 * `queryRunner.query`. The same input always gives the same bytes; the file type-checks under
 * `tsc --strict` with either TypeORM line (0.3.x, 1.x) and imports only types from it.
 */
export function renderTypeOrmClass(input: TypeOrmClassInput): string {
  const members = [`${MEMBER}name = ${stringLiteral(input.className)};\n`];
  if (input.up.committedFirst.length > 0) {
    members.push(
      `${MEMBER}// migration:run must not wrap \`up\` in a transaction (it commits enum labels\n`,
      `${MEMBER}// first); TypeORM then needs \`--transaction each\` or \`none\`, not \`all\`.\n`,
      `${MEMBER}transaction = false;\n`,
    );
  }
  return [
    header(input),
    "\n",
    'import type { MigrationInterface, QueryRunner } from "typeorm";\n',
    "\n",
    `export class ${input.className} implements MigrationInterface {\n`,
    ...members,
    "\n",
    method("up", input.up),
    "\n",
    method("down", input.down),
    "}\n",
  ].join("");
}
