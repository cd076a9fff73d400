import { randomBytes } from "node:crypto";

/**
 * A fresh revision id: 12 random hex characters (48 bits), like Alembic's. Random rather
 * than sequential so two developers on two branches never pick the same id.
 */
export function newRevisionId(): string {
  return randomBytes(6).toString("hex");
}
