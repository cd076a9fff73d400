import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LoadError, RevisionError } from "../../src/errors";
import { loadRevisions } from "../../src/migration-files";
import { newRevisionId, RevisionGraph } from "../../src/revisions";

const folders: string[] = [];

/** A fresh migrations folder holding the given files. */
function folderWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "autogen-revisions-"));
  folders.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

/** A migration file as `revision` writes it, with the exports overridable. */
function migration(revision: string, exports: string): string {
  return `/**
 * add ${revision}
 *
 * Revision ID: ${revision}
 * Created: 2026-11-21 22:00:00 UTC
 */
import type { Something } from "typeorm-autogen";
type Context = { log: string[]; unused?: Something };

export const revision = "${revision}";
${exports}
`;
}

const functions = `
export async function upgrade(context: Context): Promise<void> {
  context.log.push("up");
}
export async function downgrade(context: Context): Promise<void> {
  context.log.push("down");
}`;

describe("loadRevisions", () => {
  it("loads .ts and .js migrations with their message, creation date, hash and functions", async () => {
    const first = migration(
      "aaaa00000001",
      `export const downRevision: string | null = null;${functions}`,
    );
    const dir = folderWith({
      "aaaa00000001_first.ts": first,
      "bbbb00000001_second.ts": migration(
        "bbbb00000001",
        `export const downRevision = "aaaa00000001";
export const branchLabels = "auth";
export const dependsOn = ["aaaa00000001"];
export const transaction = false;${functions}`,
      ),
      "cccc00000001_third.js": `"use strict";
/** plain javascript */
exports.revision = "cccc00000001";
exports.downRevision = ["bbbb00000001"];
exports.upgrade = async () => {};
exports.downgrade = async () => {};
`,
      "types.d.ts": "export declare const revision: string;",
      "README.md": "not a migration",
      "nested/dddd00000001_ignored.ts": "this is not even TypeScript",
    });

    const revisions = await loadRevisions(dir);

    expect(revisions.map((info) => info.revision)).toEqual([
      "aaaa00000001",
      "bbbb00000001",
      "cccc00000001",
    ]);
    const [a, b, c] = revisions;
    expect(a).toMatchObject({
      downRevisions: [],
      branchLabels: [],
      dependsOn: [],
      message: "add aaaa00000001",
      createdAt: "2026-11-21 22:00:00 UTC",
      file: join(dir, "aaaa00000001_first.ts"),
      hash: createHash("sha256").update(first).digest("hex"),
    });
    expect(a?.transaction).toBeUndefined();
    expect(b).toMatchObject({
      downRevisions: ["aaaa00000001"],
      branchLabels: ["auth"],
      dependsOn: ["aaaa00000001"],
      transaction: false,
    });
    expect(c).toMatchObject({ downRevisions: ["bbbb00000001"], message: "plain javascript" });
    expect(c?.createdAt).toBeUndefined();

    const log: string[] = [];
    await a?.upgrade({ log });
    await a?.downgrade({ log });
    expect(log).toEqual(["up", "down"]);
    expect(RevisionGraph.from(revisions).heads).toEqual(["cccc00000001"]);
  });

  it("records the hash of the bytes on disk", async () => {
    const dir = folderWith({
      "aaaa00000002_x.ts": migration(
        "aaaa00000002",
        `export const downRevision = null;${functions}`,
      ),
    });
    const [info] = await loadRevisions(dir);
    const bytes = readFileSync(join(dir, "aaaa00000002_x.ts"));
    expect(info?.hash).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(info?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("names the file that does not compile", async () => {
    const dir = folderWith({ "aaaa00000003_broken.ts": "export const revision = ;\n" });
    const attempt = loadRevisions(dir);
    await expect(attempt).rejects.toThrow(LoadError);
    await expect(loadRevisions(dir)).rejects.toThrow("aaaa00000003_broken.ts");
  });

  it("names the file and the export that is missing", async () => {
    const dir = folderWith({
      "aaaa00000004_missing.ts": migration(
        "aaaa00000004",
        `export const downRevision = null;
export async function upgrade(): Promise<void> {}`,
      ),
    });
    const error = await loadRevisions(dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LoadError);
    expect((error as LoadError).file).toBe(join(dir, "aaaa00000004_missing.ts"));
    expect((error as LoadError).message).toMatch(
      /aaaa00000004_missing\.ts is not a valid migration: 'downgrade' must be a function, but it is not exported$/,
    );
  });

  it("says a first revision still has to export downRevision", async () => {
    const dir = folderWith({ "aaaa00000005_nodown.ts": migration("aaaa00000005", functions) });
    await expect(loadRevisions(dir)).rejects.toThrow(
      "'downRevision' is not exported (export null for a first revision)",
    );
  });

  it("names the file and every export of the wrong type", async () => {
    const dir = folderWith({
      "aaaa00000006_wrong.ts": `export const revision = 42;
export const downRevision = 5;
export const branchLabels = [1];
export const transaction = "no";
export const upgrade = "up";
export async function downgrade(): Promise<void> {}
`,
    });
    await expect(loadRevisions(dir)).rejects.toThrow(
      "aaaa00000006_wrong.ts is not a valid migration: 'revision' must be a non-empty string, got number 42; " +
        "'downRevision' must be null, a non-empty string or an array of them, got number 5; " +
        "'branchLabels' must be null, a non-empty string or an array of them, got [1]; " +
        "'upgrade' must be a function, got \"up\"; " +
        "'transaction' must be true or false, got \"no\"",
    );
  });

  it("points at named exports when a file only has a default export", async () => {
    const dir = folderWith({
      "aaaa00000007_default.ts": `export default { revision: "aaaa00000007", downRevision: null };\n`,
    });
    await expect(loadRevisions(dir)).rejects.toThrow(
      "read from named exports, not from a default export",
    );
  });

  it("names the file that throws while it loads", async () => {
    const dir = folderWith({ "aaaa00000008_throws.ts": `throw new Error("boom");\nexport {};\n` });
    await expect(loadRevisions(dir)).rejects.toThrow(
      /aaaa00000008_throws\.ts failed to load: boom/,
    );
  });

  it("names a migrations folder that does not exist", async () => {
    const missing = join(tmpdir(), `autogen-missing-${newRevisionId()}`);
    const attempt = loadRevisions(missing);
    await expect(attempt).rejects.toThrow(RevisionError);
    await expect(loadRevisions(missing)).rejects.toThrow(
      `cannot read the migrations folder ${missing}: ENOENT`,
    );
  });

  it("loads an empty folder as no revisions", async () => {
    expect(await loadRevisions(folderWith({}))).toEqual([]);
  });
});

describe("newRevisionId", () => {
  it("gives 12 random hex characters", () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newRevisionId()));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{12}$/);
  });
});
