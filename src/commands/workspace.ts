import { randomBytes } from "node:crypto";
import type { Client } from "pg";
import { connectionSettings, type ConnectionSettings } from "../config/connection-settings";
import { startEmbeddedServer } from "../config/embedded-server";
import { configFromDataSource, loadConfig, type LoadedConfig } from "../config/load-config";
import { fromUrl } from "../config/connection-settings";
import type { SqlClient } from "../dialect/dialect";
import { postgres } from "../dialect/postgres";
import { sqlite } from "../dialect/sqlite";
import { sqliteFile, type SqliteFile } from "../config/sqlite-file";
import type { CommandContext } from "./command-context";

export type { CommandContext } from "./command-context";

/**
 * A loaded project: its config, and a database connection opened on demand. With no
 * database configured, the first connection starts the embedded PostgreSQL, which is
 * stopped by `close()`.
 */
export class Workspace {
  private stopEmbedded: (() => Promise<void>) | null = null;
  private settings: ConnectionSettings | null = null;
  private sqlite: SqliteFile | null | undefined;

  private constructor(
    readonly config: LoadedConfig,
    private readonly ctx: CommandContext,
  ) {}

  /** The command's context: its output and environment. */
  get context(): CommandContext {
    return this.ctx;
  }

  /** The directory paths are shown relative to. */
  get cwd(): string {
    return this.ctx.cwd ?? process.cwd();
  }

  static async open(ctx: CommandContext): Promise<Workspace> {
    const config = ctx.dataSource
      ? configFromDataSource(ctx.dataSource, ctx.options, ctx.cwd)
      : await loadConfig(ctx.configPath, ctx.cwd, ctx.dataSourceName);
    return new Workspace(config, ctx);
  }

  get options() {
    return this.config.options;
  }

  /** The SQLite file the commands use, or null for PostgreSQL (see `sqliteFile`). */
  get sqliteFile(): SqliteFile | null {
    if (this.sqlite === undefined) {
      this.sqlite = sqliteFile(this.config.dataSource, this.ctx.env ?? process.env, this.cwd);
    }
    return this.sqlite;
  }

  /** The dialect the commands speak, chosen from the DataSource type or DATABASE_URL. */
  get dialect(): typeof postgres | typeof sqlite {
    return this.sqliteFile ? sqlite : postgres;
  }

  /** Where commands connect, for messages: never includes the password. */
  get databaseDescription(): string {
    const file = this.sqliteFile;
    if (file) return `the SQLite file ${file.description}`;
    return this.settings?.description ?? "the database";
  }

  private async connectionSettings(): Promise<ConnectionSettings> {
    if (this.settings) return this.settings;
    let settings = connectionSettings(
      this.config.dataSource,
      this.ctx.env ?? process.env,
      this.options.directUrl,
    );
    if (!settings) {
      const server = await startEmbeddedServer(this.options.projectDir);
      this.stopEmbedded = server.stop;
      if (server.recovery === "stopped-orphan") {
        this.ctx.out.info(
          "The embedded PostgreSQL was left running by a killed autogen run: stopped it cleanly (data kept).",
        );
      }
      settings = { ...fromUrl(server.url), description: "the embedded PostgreSQL (.autogen/)" };
      this.ctx.out.info("No database configured: using the embedded PostgreSQL in .autogen/.");
    }
    this.settings = settings;
    return settings;
  }

  /** Runs `fn` with a fresh connection that is closed afterwards. */
  async withClient<T>(fn: (client: SqlClient) => Promise<T>): Promise<T> {
    const file = this.sqliteFile;
    const client: SqlClient = file
      ? await sqlite.session.connect({ filename: file.filename }, this.databaseDescription)
      : await this.connectPostgres();
    try {
      return await fn(client);
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  private async connectPostgres(): Promise<SqlClient> {
    const settings = await this.connectionSettings();
    return postgres.session.connect(settings.client, settings.description);
  }

  /**
   * Runs `fn` on a scratch database: `scratchUrl` as it is when given, else a new empty
   * database on the server the commands use (named after its database), dropped afterwards.
   */
  async withScratchClient<T>(
    scratchUrl: string | undefined,
    fn: (client: Client, description: string) => Promise<T>,
  ): Promise<T> {
    const sql = postgres.session.scratchDatabase;
    const run = async (settings: ConnectionSettings) => {
      const client = await postgres.session.connect(settings.client, settings.description);
      try {
        return await fn(client, settings.description);
      } finally {
        await client.end().catch(() => undefined);
      }
    };
    if (scratchUrl) return run(fromUrl(scratchUrl));
    const settings = await this.connectionSettings();
    const name = await this.withClient(async (client) => {
      const current = (await client.query<{ name: string }>(sql.currentName)).rows[0]?.name;
      const scratch = `${(current ?? "autogen").slice(0, 40)}_verify_${randomBytes(4).toString("hex")}`;
      await client.query(sql.create(scratch));
      return scratch;
    });
    try {
      return await run({
        client: sql.on(settings.client, name),
        description: `the scratch database "${name}" on ${settings.description}`,
      });
    } finally {
      await this.withClient((client) => client.query(sql.drop(name))).catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    const stop = this.stopEmbedded;
    this.stopEmbedded = null;
    if (stop) await stop();
  }
}

/** Opens a workspace, runs `fn`, and always closes it (stopping an embedded server). */
export async function withWorkspace<T>(
  ctx: CommandContext,
  fn: (ws: Workspace) => Promise<T>,
): Promise<T> {
  const ws = await Workspace.open(ctx);
  try {
    return await fn(ws);
  } finally {
    await ws.close();
  }
}
