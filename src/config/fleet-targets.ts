import { execSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { UsageError } from "../errors";
import { describeUrl } from "./connection-settings";
import { checkDatabaseUrl } from "./database-url";

/** One database of a fleet: its URL, and how messages name it (never with the password). */
export interface FleetTarget {
  readonly url: string;
  readonly description: string;
}

/**
 * The databases `--each SPEC` names. SPEC is a file with one connection URL per line (blank
 * lines and `#` comments skipped), `-` for standard input, or `!COMMAND`: a shell command whose
 * standard output lists them the same way (`!node scripts/tenants.js`), for apps that keep
 * their tenants in a table. Every URL is checked before any connection; a bad one names the
 * file and line, never the URL itself (it may hold a password).
 */
export function readFleetTargets(
  spec: string,
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): FleetTarget[] {
  const { text, source } = listing(spec, cwd, env);
  const targets: FleetTarget[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const where = `${source}, line ${i + 1},`;
    if (checkDatabaseUrl(line, where) !== "postgres") {
      throw new UsageError(`${where} is a SQLite file: --each runs over PostgreSQL databases.`);
    }
    targets.push({ url: line, description: describeUrl(line) });
  });
  if (targets.length === 0) throw new UsageError(`${source} lists no database.`);
  const seen = new Set<string>();
  for (const target of targets) {
    if (seen.has(target.url)) {
      throw new UsageError(`${source} lists ${target.description} twice.`);
    }
    seen.add(target.url);
  }
  return targets;
}

function listing(
  spec: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
): { text: string; source: string } {
  if (spec.startsWith("!")) {
    const command = spec.slice(1).trim();
    const source = `the --each command \`${command}\``;
    try {
      const text = execSync(command, {
        cwd,
        env,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      });
      return { text, source };
    } catch (error) {
      const status = (error as { status?: number }).status;
      const stderr = String((error as { stderr?: unknown }).stderr ?? "")
        .trim()
        .split("\n")[0];
      throw new UsageError(
        `${source} failed${status === undefined ? "" : ` (exit ${status})`}${stderr ? `: ${stderr}` : "."}`,
      );
    }
  }
  if (spec === "-") return { text: readFileSync(0, "utf8"), source: "standard input" };
  const file = isAbsolute(spec) ? spec : join(cwd, spec);
  try {
    return { text: readFileSync(file, "utf8"), source: spec };
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason =
      code === "ENOENT"
        ? "does not exist"
        : code === "EACCES"
          ? "cannot be read (permission denied)"
          : "cannot be read";
    throw new UsageError(
      `--each ${spec}: the file ${reason}; give a file of connection URLs, - for standard input, or !COMMAND.`,
    );
  }
}
