import { UsageError } from "../errors";

/** The dialect a connection URL selects. */
export type UrlDialect = "postgres" | "sqlite";

/**
 * The URL schemes a connection URL may use, and the dialect each one selects; everything else
 * is refused before any file is loaded or any connection is tried. `sqlite:` names a file
 * (`sqlite:app.db`, `sqlite:///app.db`; see config/sqlite-file.ts), so it needs no `//`.
 */
export const URL_SCHEMES: Readonly<Record<string, UrlDialect>> = {
  "postgres:": "postgres",
  "postgresql:": "postgres",
  "sqlite:": "sqlite",
};

const EXAMPLE = "postgres://user:password@host:5432/database";

/**
 * Checks a connection URL taken from `source` (`DATABASE_URL`, `MIGRATION_DATABASE_URL`,
 * `directUrl`) and returns the dialect it selects. A malformed URL is a usage error of one
 * sentence naming the source and what is wrong; the URL itself is never echoed, since it may
 * hold a password.
 */
export function checkDatabaseUrl(url: string, source: string): UrlDialect {
  // A file path follows `sqlite:`; what is wrong with the file is said when it is opened.
  if (/^sqlite:/i.test(url)) return "sqlite";
  const scheme = /^([a-z][a-z0-9+.-]*:)\/\//i.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    throw new UsageError(`${source} is not a URL: write it as ${EXAMPLE}.`);
  }
  const dialect = URL_SCHEMES[scheme];
  if (dialect === undefined) {
    const accepted = Object.keys(URL_SCHEMES)
      .map((s) => (URL_SCHEMES[s] === "sqlite" ? `${s}PATH` : `${s}//`))
      .join(" or ");
    throw new UsageError(
      `${source} is a ${scheme}// URL; typeorm-autogen connects to PostgreSQL or a SQLite file: use ${accepted}.`,
    );
  }
  // The authority: [user[:password]@]host[:port]; a bracketed IPv6 host may hold colons.
  const port = /^[^:]+:\/\/(?:[^@/?#]*@)?(?:\[[^\]]*\]|[^:/?#]*)(?::([^/?#]*))?/.exec(url)?.[1];
  if (port !== undefined && port !== "" && !validPort(port)) {
    throw new UsageError(`${source} has port '${port}': a port is a number from 1 to 65535.`);
  }
  try {
    new URL(url);
  } catch {
    throw new UsageError(
      `${source} is not a valid URL (percent-encode special characters in the user name and password): write it as ${EXAMPLE}.`,
    );
  }
  return dialect;
}

function validPort(text: string): boolean {
  if (!/^\d{1,5}$/.test(text)) return false;
  const n = Number(text);
  return n >= 1 && n <= 65535;
}

/** The connection URLs of the environment, checked; the first problem is thrown. */
export function checkEnvironmentUrls(env: NodeJS.ProcessEnv = process.env): void {
  for (const name of ["MIGRATION_DATABASE_URL", "DATABASE_URL"]) {
    const value = env[name];
    if (value) checkDatabaseUrl(value, name);
  }
}
