import type { ClientConfig } from "pg";
import type { DataSource } from "typeorm";
import { checkDatabaseUrl } from "./database-url";

/** Where to connect, and how to name it in messages (never with the password). */
export interface ConnectionSettings {
  readonly client: ClientConfig;
  /** `host:port/database` (user@ when known), for messages. */
  readonly description: string;
}

type PostgresOptions = {
  url?: string;
  host?: string;
  port?: number;
  username?: string;
  password?: string | (() => string | Promise<string>);
  database?: string;
  ssl?: ClientConfig["ssl"];
  applicationName?: string;
  connectTimeoutMS?: number;
};

/** Describes a URL for messages: user, host, port and database, never the password. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    const user = u.username ? `${decodeURIComponent(u.username)}@` : "";
    return `${user}${u.hostname || "localhost"}:${u.port || "5432"}${u.pathname || ""}`;
  } catch {
    return "an unparsable DATABASE_URL";
  }
}

const APPLICATION_NAME = "typeorm-autogen";

/**
 * The connection the commands use: `MIGRATION_DATABASE_URL` when set, else the `directUrl`
 * option, else `DATABASE_URL`, else the DataSource's own settings, else null, meaning no
 * database is configured and the embedded server is used. The first two exist for
 * applications that reach PostgreSQL through a transaction-mode pooler, where autogen's
 * session lock would not hold: autogen alone then connects directly.
 */
export function connectionSettings(
  dataSource: DataSource,
  env: NodeJS.ProcessEnv = process.env,
  directUrl: string | null = null,
): ConnectionSettings | null {
  if (env.MIGRATION_DATABASE_URL)
    return checkedUrl(env.MIGRATION_DATABASE_URL, "MIGRATION_DATABASE_URL");
  if (directUrl) return checkedUrl(directUrl, "the config's directUrl");
  if (env.DATABASE_URL) return checkedUrl(env.DATABASE_URL, "DATABASE_URL");
  const o = dataSource.options as PostgresOptions;
  if (o.url) return fromUrl(o.url, o.ssl);
  if (
    o.host === undefined &&
    o.port === undefined &&
    o.database === undefined &&
    o.username === undefined
  ) {
    return null;
  }
  const host = o.host ?? "localhost";
  const port = o.port ?? 5432;
  const database = o.database ?? o.username ?? "postgres";
  return {
    client: {
      host,
      port,
      user: o.username,
      password: o.password,
      database,
      ssl: o.ssl,
      connectionTimeoutMillis: o.connectTimeoutMS ?? 10000,
      application_name: o.applicationName ?? APPLICATION_NAME,
    },
    description: `${o.username ? `${o.username}@` : ""}${host}:${port}/${database}`,
  };
}

function checkedUrl(url: string, source: string): ConnectionSettings {
  checkDatabaseUrl(url, source);
  return fromUrl(url);
}

export function fromUrl(url: string, ssl?: ClientConfig["ssl"]): ConnectionSettings {
  return {
    client: {
      connectionString: url,
      ssl,
      connectionTimeoutMillis: 10000,
      application_name: APPLICATION_NAME,
    },
    description: describeUrl(url),
  };
}
