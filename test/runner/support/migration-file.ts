/** What a hand-written migration file contains, for the runner tests. */
export interface MigrationSpec {
  readonly revision: string;
  readonly down: string | null;
  readonly message?: string;
  /** Body of `upgrade({ op })`: statements using `op`. */
  readonly upgrade?: string;
  readonly downgrade?: string;
  /** `export const transaction = false`. */
  readonly noTransaction?: boolean;
}

/** The text of a migration file as `revision --empty` writes it, with the given bodies. */
export function migrationFile(spec: MigrationSpec): string {
  const down = spec.down === null ? "null" : JSON.stringify(spec.down);
  return `/**
 * ${spec.message ?? `step ${spec.revision}`}
 */
import type { MigrationContext } from "typeorm-autogen";

export const revision = ${JSON.stringify(spec.revision)};
export const downRevision: string | null = ${down};
${spec.noTransaction ? "export const transaction = false;\n" : ""}
export async function upgrade({ op }: MigrationContext): Promise<void> {
${indent(spec.upgrade ?? "")}
}

export async function downgrade({ op }: MigrationContext): Promise<void> {
${indent(spec.downgrade ?? "")}
}
`;
}

const indent = (body: string) =>
  body
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => `  ${line}`)
    .join("\n") || "  void op;";

/** `await op.execute("...");` for a statement. */
export const exec = (sql: string): string => `await op.execute(${JSON.stringify(sql)});`;
