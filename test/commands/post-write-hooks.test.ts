import { existsSync } from "node:fs";
import { join } from "node:path";
import { merge } from "../../src/commands/merge";
import { hookCommand, shellQuote } from "../../src/commands/post-write-hooks";
import { revision } from "../../src/commands/revision";
import { ConfigError, PostWriteHookError } from "../../src/errors";
import { commandProject, type CommandProject } from "./support/project";

describe("hookCommand", () => {
  it("appends the quoted path when the command does not say where it goes", () => {
    expect(hookCommand("npx prettier --write", "migrations/a.ts", "linux")).toBe(
      "npx prettier --write 'migrations/a.ts'",
    );
  });

  it("puts the quoted path at every {file}", () => {
    expect(hookCommand("cp {file} {file}.bak", "m/a b.ts", "linux")).toBe(
      "cp 'm/a b.ts' 'm/a b.ts'.bak",
    );
  });

  it("quotes paths holding quotes and shell syntax as one word", () => {
    expect(shellQuote("it's $(here) `x`.ts", "linux")).toBe("'it'\\''s $(here) `x`.ts'");
    expect(shellQuote('C:\\my "dir"\\a.ts', "win32")).toBe('"C:\\my ""dir""\\a.ts"');
  });
});

let p: CommandProject;

const write = (message = "data") =>
  revision(p.context(), { message, empty: true, revId: "a00000000001" });

describe("post-write hooks", () => {
  afterEach(() => p.remove());

  it("run in order on the file revision writes, from the config's folder", async () => {
    p = commandProject({
      migrationsDir: "it's migrations",
      postWriteHooks: ["printf '// first\\n' >> {file}", "printf '// second\\n' >>", "pwd"],
    });
    const ctx = p.context();
    await revision(ctx, { message: "data", empty: true, revId: "a00000000001" });

    const text = p.read("it's migrations/a00000000001_data.ts");
    expect(text.endsWith("// first\n// second\n")).toBe(true);
    expect(ctx.out.stdout).toEqual(["it's migrations/a00000000001_data.ts"]);
    expect(ctx.out.stderr).toContain(
      "Running post-write hook: printf '// first\\n' >> 'it'\\''s migrations/a00000000001_data.ts'",
    );
    expect(ctx.out.stderr).toContain(`  ${p.dir}`);
  });

  it("run on the file merge writes too", async () => {
    p = commandProject({ postWriteHooks: ["printf '// hooked\\n' >>"] });
    p.migration({ revision: "root00000001", down: null });
    p.migration({ revision: "one000000001", down: "root00000001" });
    p.migration({ revision: "two000000001", down: "root00000001" });
    await merge(p.context(), { message: "join", revId: "m00000000001" });

    expect(p.read("migrations/m00000000001_join.ts").endsWith("// hooked\n")).toBe(true);
  });

  it("report a failing hook with its command and exit code, keep the file and skip the rest", async () => {
    p = commandProject({ postWriteHooks: ["sh -c 'echo broken >&2; exit 4'", "touch ran-after"] });
    const ctx = p.context();
    const attempt = revision(ctx, { message: "data", empty: true, revId: "a00000000001" });

    await expect(attempt).rejects.toThrow(PostWriteHookError);
    expect(ctx.out.stderr).toContain("  broken");
    expect(existsSync(join(p.dir, "migrations", "a00000000001_data.ts"))).toBe(true);
    expect(existsSync(join(p.dir, "ran-after"))).toBe(false);
  });

  it("name the command, the exit code and the file in the error", async () => {
    p = commandProject({ postWriteHooks: ["sh -c 'exit 4'"] });
    const error = await write().catch((e: unknown) => e);

    expect(error).toMatchObject({
      command: "sh -c 'exit 4'",
      status: 4,
      message:
        "post-write hook `sh -c 'exit 4'` failed with exit code 4 on migrations/a00000000001_data.ts",
      hint: expect.stringContaining("the file was written and is kept"),
    });
  });

  it("must be a list of commands in the config", async () => {
    p = commandProject({ postWriteHooks: "npx prettier --write" });
    await expect(write()).rejects.toThrow(ConfigError);
    await expect(write()).rejects.toThrow("postWriteHooks must be an array of shell commands");
  });
});
