"use strict";
// Writes the benchmark's TypeScript project: one entity file per table, each with ~10 mixed
// columns, an enum, a foreign key, an index and a composite unique, and the ormconfig.ts both
// tools read. `changeEntities` then edits 5% of the tables (a new column and a new index).
const { mkdirSync, rmSync, symlinkSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");

/** The table a table's foreign key points at: a shallow tree, so imports never nest deeply. */
const parentOf = (i) => (i === 0 ? null : Math.floor((i - 1) / 10));

function entitySource(i, changed) {
  const parent = parentOf(i);
  const lines = [
    `import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn, Unique } from "typeorm";`,
    parent === null ? "" : `import { T${parent} } from "./t${parent}";`,
    "",
    `export enum Status${i} {`,
    `  Active = "active",`,
    `  Archived = "archived",`,
    `}`,
    "",
    `@Entity("t${i}")`,
    `@Unique("UQ_t${i}_code_region", ["code", "region"])`,
    `export class T${i} {`,
    `  @PrimaryGeneratedColumn()`,
    `  id!: number;`,
    ``,
    `  @Column()`,
    `  name!: string;`,
    ``,
    `  @Column({ type: "varchar", length: 64 })`,
    `  code!: string;`,
    ``,
    `  @Column({ type: "varchar", length: 32 })`,
    `  region!: string;`,
    ``,
    `  @Index("IDX_t${i}_score")`,
    `  @Column({ type: "integer", default: 0 })`,
    `  score!: number;`,
    ``,
    `  @Column({ type: "numeric", precision: 10, scale: 2, nullable: true })`,
    `  price!: string | null;`,
    ``,
    `  @Column({ default: true })`,
    `  active!: boolean;`,
    ``,
    `  @Column({ type: "timestamptz", default: () => "now()" })`,
    `  createdAt!: Date;`,
    ``,
    `  @Column({ type: "jsonb", nullable: true })`,
    `  data!: unknown;`,
    ``,
    `  @Column({ type: "enum", enum: Status${i}, default: Status${i}.Active })`,
    `  status!: Status${i};`,
  ];
  if (parent !== null) {
    lines.push(
      ``,
      `  @ManyToOne(() => T${parent}, { nullable: true, onDelete: "SET NULL" })`,
      `  parent!: T${parent} | null;`,
    );
  }
  if (changed) {
    lines.push(
      ``,
      `  @Index("IDX_t${i}_extra")`,
      `  @Column({ type: "text", nullable: true })`,
      `  extra!: string | null;`,
    );
  }
  lines.push(`}`, ``);
  return lines.join("\n");
}

const CONFIG = `import "reflect-metadata";
import { join } from "node:path";
import { DataSource } from "typeorm";

export default new DataSource({
  type: "postgres",
  url: process.env.DATABASE_URL,
  entities: [join(__dirname, "entities", "*.ts")],
});

export const autogen = { migrationsDir: "migrations" };
`;

const TSCONFIG = {
  compilerOptions: {
    target: "es2022",
    module: "commonjs",
    strict: true,
    experimentalDecorators: true,
    emitDecoratorMetadata: true,
    useDefineForClassFields: false,
    esModuleInterop: true,
    skipLibCheck: true,
    types: ["node"],
  },
};

/** Creates `dir` afresh with `tables` entities; node_modules is the repository's. */
function generateProject(dir, tables, nodeModules) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "entities"), { recursive: true });
  mkdirSync(join(dir, "migrations"));
  symlinkSync(nodeModules, join(dir, "node_modules"), "dir");
  writeFileSync(join(dir, "ormconfig.ts"), CONFIG);
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(TSCONFIG, null, 2));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "bench", private: true }));
  for (let i = 0; i < tables; i++) {
    writeFileSync(join(dir, "entities", `t${i}.ts`), entitySource(i, false));
  }
}

/** The tables the 5% change touches: every twentieth. */
const changedTables = (tables) =>
  Array.from({ length: tables }, (_, i) => i).filter((i) => i % 20 === 7 % Math.min(20, tables));

function changeEntities(dir, tables, on = true) {
  for (const i of changedTables(tables)) {
    writeFileSync(join(dir, "entities", `t${i}.ts`), entitySource(i, on));
  }
}

/** `count` empty migrations in the shape `autogen revision --empty` writes, chained. */
function writeEmptyMigrations(dir, count) {
  const ids = Array.from({ length: count }, (_, i) => `b${String(i).padStart(11, "0")}`);
  ids.forEach((id, i) => {
    const down = i === 0 ? "null" : `"${ids[i - 1]}"`;
    const text = `/**
 * empty ${i}
 *
 * Revision ID: ${id}
 * Revises: ${i === 0 ? "(none)" : ids[i - 1]}
 * Created: 2026-12-01 00:00:00 UTC
 */
import type { MigrationContext } from "typeorm-autogen";

export const revision = "${id}";
export const downRevision: string | null = ${down};

export async function upgrade({ op }: MigrationContext): Promise<void> {
  // No operations.
  void op;
}

export async function downgrade({ op }: MigrationContext): Promise<void> {
  // No operations.
  void op;
}
`;
    writeFileSync(join(dir, "migrations", `${id}_empty_${i}.ts`), text);
  });
  return ids;
}

module.exports = { generateProject, changeEntities, changedTables, writeEmptyMigrations };
