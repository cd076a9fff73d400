import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { DataSource, Table } from "typeorm";
import * as fork from "n8n-typeorm";
import { ConfigError } from "../../src/errors";
import { supportsTypeOrmVersion } from "../../src/metadata/supported-typeorm";
import { userTypeOrm } from "../../src/metadata/user-typeorm";

const offline = { type: "postgres", host: "127.0.0.1", port: 1 } as const;

/** A DataSource-shaped object that no loaded TypeORM class made. */
const shapeOnly = (): DataSource =>
  ({ options: { ...offline, entities: [] }, entityMetadatas: [] }) as unknown as DataSource;

/** A project folder whose node_modules holds a stand-in `typeorm` of the given version. */
function projectWithTypeOrm(version: string): { configFile: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "autogen-typeorm-"));
  const pkg = join(dir, "node_modules", "typeorm");
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, "package.json"), JSON.stringify({ name: "typeorm", version }));
  writeFileSync(join(pkg, "index.js"), "module.exports = {};\n");
  return { configFile: join(dir, "ormconfig.ts"), remove: () => rmSync(dir, { recursive: true }) };
}

describe("the user's TypeORM", () => {
  it("is the package the DataSource's class comes from, not a copy of autogen's own", () => {
    const found = userTypeOrm(new DataSource({ ...offline, entities: [] }));

    expect(found.name).toBe("typeorm");
    expect(found.Table).toBe(Table);
  });

  it("is found through a class that extends DataSource", () => {
    class AppDataSource extends DataSource {}

    expect(userTypeOrm(new AppDataSource({ ...offline, entities: [] })).Table).toBe(Table);
  });

  it("is a fork's when the DataSource comes from one (@n8n/typeorm)", () => {
    // Building a fork's metadata runs its dynamic import() of the driver, which jest's VM
    // cannot: test/realworld/n8n-fork.test.ts does it through the CLI.
    const found = userTypeOrm(new fork.DataSource({ ...offline }) as unknown as DataSource);

    expect(found.name).toBe("@n8n/typeorm");
    expect(found.Table).toBe(fork.Table);
    expect(found.Table).not.toBe(Table);
  });

  it("is resolved from the config file's folder when no loaded module made the DataSource", () => {
    const found = userTypeOrm(shapeOnly(), join(__dirname, "../../ormconfig.ts"));

    expect(found.name).toBe("typeorm");
    expect(found.root).toBe(join(__dirname, "../../node_modules/typeorm"));
  });

  it("outside the supported range is refused in one sentence naming the version and the range", () => {
    const project = projectWithTypeOrm("0.3.10");
    try {
      const attempt = () => userTypeOrm(shapeOnly(), project.configFile);
      expect(attempt).toThrow(ConfigError);
      expect(attempt).toThrow(
        `The project's typeorm is version 0.3.10 (${join(dirname(project.configFile), "node_modules/typeorm")}); ` +
          "typeorm-autogen supports typeorm >=0.3.20 <2.",
      );
    } finally {
      project.remove();
    }
  });
});

describe("the supported TypeORM range, >=0.3.20 <2", () => {
  it.each([
    ["0.3.20", true],
    ["0.3.31", true],
    ["0.3.20-12", true],
    ["0.11.0", true],
    ["1.1.1", true],
    ["1.0.0-beta.3", true],
    ["0.3.19", false],
    ["0.2.45", false],
    ["2.0.0", false],
    ["not-a-version", false],
  ])("holds %s: %s", (version, supported) => {
    expect(supportsTypeOrmVersion(version)).toBe(supported);
  });
});
