/** The longest name part kept from a message, so file and class names stay readable. */
const MAX_NAME_LENGTH = 60;

/**
 * The PascalCase name TypeORM's `migration:create` would give `message` ("add users" ->
 * `AddUsers`): letters and digits only, accents dropped, `Migration` when nothing is left or
 * the name would start with a digit (a class name cannot).
 */
export function typeOrmBaseName(message: string): string {
  const words = message
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== "");
  const name = words
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("")
    .slice(0, MAX_NAME_LENGTH);
  if (name === "") return "Migration";
  return /^\d/.test(name) ? `Migration${name}` : name;
}

/** A TypeORM migration's identity: its class name (also its `name`) and its file name. */
export interface TypeOrmMigrationName {
  /** `<Name><timestamp>`: TypeORM reads the timestamp from the last 13 characters. */
  readonly className: string;
  /** `<timestamp>-<Name>.ts`, so the files sort in the order TypeORM runs them. */
  readonly fileName: string;
  /** Milliseconds since the epoch, as TypeORM's generator writes them. */
  readonly timestamp: number;
}

/**
 * The names TypeORM's runner orders and records a migration by. TypeORM sorts by the
 * timestamp at the end of the class name and records `name` in its `migrations` table.
 */
export function typeOrmMigrationName(message: string, createdAt: Date): TypeOrmMigrationName {
  const base = typeOrmBaseName(message);
  // TypeORM parses exactly 13 digits: dates before 2001-09-09 would have fewer.
  const timestamp = createdAt.getTime();
  const digits = String(timestamp).padStart(13, "0");
  return { className: `${base}${digits}`, fileName: `${digits}-${base}.ts`, timestamp };
}
