import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { Column, getMetadataArgsStorage } from "typeorm";
import { compareSchemas } from "../../src/diff";
import { EntityMetadataError } from "../../src/metadata";
import { settleDecorators } from "../../src/metadata/settle-decorators";
import { EMPTY_SCHEMA, type DatabaseSchema } from "../../src/schema/model";
import { columnNamed, tableNamed } from "./entity-schema";
import { postgresExpressions } from "../../src/dialect/postgres/expressions";

const root = join(__dirname, "../..");
const script = join(__dirname, "fixtures/print-schema.js");
/** Entity files whose decorators apply late, found by a glob as a DataSource lists them. */
const glob = join(__dirname, "fixtures/late-decorators/*.entity.ts");
const RUNS = 3;

/** The model a fresh process builds from the glob, through the real TypeScript loader. */
async function modelInFreshProcess(): Promise<DatabaseSchema> {
  const { stdout } = await promisify(execFile)(process.execPath, [script, glob], { cwd: root });
  return JSON.parse(stdout) as DatabaseSchema;
}

describe("decorators that apply late (in setImmediate or after promises)", () => {
  it("are all in the model, and every run gives the same operations", async () => {
    // Side by side: processes competing for the machine load the files at different speeds.
    const models = await Promise.all(Array.from({ length: RUNS }, modelInFreshProcess));

    const [model] = models as [DatabaseSchema];
    const articles = tableNamed(model, "articles");
    expect(columnNamed(articles, "summary").type).toBe("text");
    expect(columnNamed(articles, "authorId").nullable).toBe(true);
    expect(articles.foreignKeys.map((key) => key.referencedTable)).toEqual(["authors"]);
    // Typed from the property's design:type, which a late @Column still reads.
    expect(columnNamed(tableNamed(model, "topics"), "followers").type).toBe("integer");
    expect(tableNamed(model, "article_topics").primaryKey?.columns).toEqual([
      "articlesId",
      "topicsId",
    ]);

    const operations = models.map((each) =>
      compareSchemas(EMPTY_SCHEMA, each, postgresExpressions),
    );
    for (const each of operations) expect(each).toEqual(operations[0]);
  });
});

describe("settleDecorators", () => {
  const columnsOf = (target: object) =>
    getMetadataArgsStorage().columns.filter((column) => column.target === target);

  it("waits for a decorator applied several turns of the event loop after the import", async () => {
    class Late {}
    const later = (turns: number, then: () => void): void =>
      void setImmediate(() => (turns === 0 ? then() : later(turns - 1, then)));
    later(3, () => Column({ type: "text" })(Late.prototype, "note"));
    await settleDecorators(getMetadataArgsStorage());
    expect(columnsOf(Late).map((column) => column.propertyName)).toEqual(["note"]);
  });

  it("waits for it as long even when every turn of the event loop is slow", async () => {
    // A loaded machine: each turn takes longer than a 0 ms timer, so a timer is due in every
    // turn and counting timers alone ends the wait before the third setImmediate.
    let spinning = true;
    const spin = (): void => {
      const until = Date.now() + 3;
      while (Date.now() < until);
      if (spinning) setImmediate(spin);
    };
    setImmediate(spin);
    class Slow {}
    const later = (turns: number, then: () => void): void =>
      void setImmediate(() => (turns === 0 ? then() : later(turns - 1, then)));
    later(3, () => Column({ type: "text" })(Slow.prototype, "note"));
    try {
      await settleDecorators(getMetadataArgsStorage());
    } finally {
      spinning = false;
    }
    expect(columnsOf(Slow).map((column) => column.propertyName)).toEqual(["note"]);
  });

  it("stops with an error when decorators keep arriving", async () => {
    class Endless {}
    let count = 0;
    const timer = setInterval(() => Column({ type: "text" })(Endless.prototype, `c${count++}`), 0);
    try {
      await expect(settleDecorators(getMetadataArgsStorage())).rejects.toThrow(EntityMetadataError);
    } finally {
      clearInterval(timer);
    }
  });
});
