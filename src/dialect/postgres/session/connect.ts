import type { Client, ClientConfig } from "pg";
import { pgModule } from "./pg-module";
import { ConnectionError } from "../../../errors";

/** The part of a connection error worth a sentence, keyed by node's and PostgreSQL's codes. */
function reason(error: unknown): string {
  const e = error as { code?: string; message?: string };
  switch (e.code) {
    case "ECONNREFUSED":
      return "connection refused (is the server running?)";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "the host name does not resolve";
    case "ETIMEDOUT":
      return "the connection timed out";
    case "28P01":
      return "password authentication failed";
    case "28000":
      return "the server rejected the login (check pg_hba.conf and the user name)";
    case "3D000":
      return "the database does not exist";
    default:
      return e.message?.split("\n")[0] ?? String(error);
  }
}

/** Removes a password from a message in case a driver ever echoes it. */
export function redact(text: string, password: unknown): string {
  return typeof password === "string" && password.length > 0
    ? text.split(password).join("***")
    : text;
}

function passwordOf(config: ClientConfig): unknown {
  if (config.password) return config.password;
  if (!config.connectionString) return undefined;
  try {
    return decodeURIComponent(new URL(config.connectionString).password);
  } catch {
    return undefined;
  }
}

/**
 * Opens one connection; failures become a `ConnectionError` naming where (never the
 * password) and why.
 */
export async function connect(config: ClientConfig, description: string): Promise<Client> {
  const client = new (pgModule().Client)(config);
  // An idle connection dropped by the server must not crash the process with an unhandled event.
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    const why = redact(reason(error), passwordOf(config));
    throw new ConnectionError(
      `Cannot connect to PostgreSQL at ${description}: ${why}.`,
      undefined,
      {
        cause: error,
      },
    );
  }
  return client;
}
