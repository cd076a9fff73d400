import { join } from "node:path";
import { DataSource, Table } from "typeorm";
import * as fork from "n8n-typeorm";
import { typeOrmDir } from "../support/typeorm-line";
import { supportsTypeOrmVersion } from "../../src/metadata/supported-typeorm";
import { userTypeOrm } from "../../src/metadata/user-typeorm";

const offline = { type: "postgres", host: "127.0.0.1", port: 1 } as const;

/** A DataSource-shaped object that no loaded TypeORM class made. */
const shapeOnly = (): DataSource =>
  ({ options: { ...offline, entities: [] }, entityMetadatas: [] }) as unknown as DataSource;

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
    expect(found.root).toBe(typeOrmDir());
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
