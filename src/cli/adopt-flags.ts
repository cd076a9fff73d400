import { UsageError } from "../errors";

/** The options `adopt` and `init --adopt` take. */
export const adoptFlagSet = {
  message: {
    alias: "m",
    type: "string",
    describe: "The baseline's message (default: baseline)",
  },
  "rev-id": { type: "string", describe: "Revision id to use instead of a random one" },
  "exclude-unmanaged": {
    type: "boolean",
    describe:
      "Add the tables no entity describes to excludeTables in the config (asked on a terminal); --no-exclude-unmanaged refuses",
  },
} as const;

export interface AdoptFlags {
  readonly message?: string;
  readonly "rev-id"?: string;
  readonly "exclude-unmanaged"?: boolean;
}

/** `init` without `--adopt` takes none of adopt's options: say so rather than ignore them. */
export function checkAdoptFlags(a: AdoptFlags): void {
  const given = (["message", "rev-id", "exclude-unmanaged"] as const).filter(
    (name) => a[name] !== undefined,
  );
  if (given.length > 0) {
    throw new UsageError(`--${given[0]} is an option of \`init --adopt\`; add --adopt.`);
  }
}
