import type { ReferentialAction } from "../schema/model";

const actions: Readonly<Record<ReferentialAction, ReferentialAction>> = {
  "NO ACTION": "NO ACTION",
  RESTRICT: "RESTRICT",
  CASCADE: "CASCADE",
  "SET NULL": "SET NULL",
  "SET DEFAULT": "SET DEFAULT",
};

/**
 * The model's action for TypeORM's `onDelete`/`onUpdate` text, or null when PostgreSQL has no
 * such action: TypeORM's own type allows "DEFAULT", which `CREATE TABLE` rejects. A missing
 * action is "NO ACTION", as `ForeignKeyMetadata` defaults it.
 */
export function referentialAction(value: string | undefined): ReferentialAction | null {
  const key = (value ?? "NO ACTION").toUpperCase();
  return Object.hasOwn(actions, key) ? actions[key as ReferentialAction] : null;
}
