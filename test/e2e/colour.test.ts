import { project, type Project } from "./project";

/**
 * Colour on stderr only where a person reads it (issue 13): off in pipes and CI logs unless
 * FORCE_COLOR asks, never with NO_COLOR or --no-color, and never on stdout, which scripts parse.
 * The tests' processes have no terminal, so FORCE_COLOR stands in for one.
 */
const ESC = "\x1b[";

let app: Project;
beforeAll(() => {
  app = project(null, "postgres://postgres@127.0.0.1:1/none");
});
afterAll(() => app.remove());

/** A usage error: printed without touching any database. */
const failing = ["upgarde"];

describe("colour", () => {
  it("is off when stderr is not a terminal", async () => {
    const run = await app.run(failing);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: /m);
    expect(run.stderr).not.toContain(ESC);
  });

  it("is on with FORCE_COLOR: error red, hint dim", async () => {
    const run = await app.run(failing, { FORCE_COLOR: "1" });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${ESC}31merror:${ESC}0m`);
  });

  it.each([
    ["NO_COLOR", { FORCE_COLOR: "1", NO_COLOR: "1" }, []],
    ["--no-color", { FORCE_COLOR: "1" }, ["--no-color"]],
    ["FORCE_COLOR=0", { FORCE_COLOR: "0" }, []],
  ])("is off with %s", async (_name, env, flags) => {
    const run = await app.run([...failing, ...flags], env);
    expect(run.stderr).toMatch(/^error: /m);
    expect(run.stderr).not.toContain(ESC);
  });

  it("never reaches stdout", async () => {
    const run = await app.run(["heads"], { FORCE_COLOR: "1" });
    expect(run.stdout).not.toContain(ESC);
  });
});
