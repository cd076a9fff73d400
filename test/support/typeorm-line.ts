import { join, resolve } from "node:path";

/**
 * Which TypeORM line the tests run on: the npm package `typeorm` (1.x) by default, or the
 * alias AUTOGEN_TEST_TYPEORM names (`typeorm-0.3`, set by jest.typeorm-0.3.config.js).
 * Jest maps the tests' own imports; projects the CLI runs in get a node_modules whose
 * `typeorm` is that package (see tempProject), so the config and entities resolve it as an
 * installed project would.
 */
export type TypeOrmLine = "1.x" | "0.3";

const REPO_ROOT = resolve(__dirname, "../..");

/** The folder name under node_modules of the TypeORM under test. */
export function typeOrmPackage(): string {
  return process.env.AUTOGEN_TEST_TYPEORM || "typeorm";
}

/** The folder of the TypeORM under test. */
export function typeOrmDir(): string {
  return join(REPO_ROOT, "node_modules", typeOrmPackage());
}

export function typeOrmLine(): TypeOrmLine {
  return typeOrmPackage() === "typeorm-0.3" ? "0.3" : "1.x";
}

/**
 * What a test expects where the two TypeORM lines legitimately differ, said at the place it
 * differs: `byTypeOrmLine({ "1.x": a, "0.3": b })`.
 */
export function byTypeOrmLine<T>(expected: Readonly<Record<TypeOrmLine, T>>): T {
  return expected[typeOrmLine()];
}
