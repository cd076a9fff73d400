/** The TypeORM versions autogen reads entities through: package.json's peerDependencies range. */
export const SUPPORTED_TYPEORM = ">=0.3.20 <2";

const LOWEST = [0, 3, 20] as const;
const BELOW_MAJOR = 2;

/**
 * True for a version in `SUPPORTED_TYPEORM`. Only major.minor.patch count: forks publish
 * their builds as prereleases of the TypeORM they follow (`0.3.20-12`), which strict semver
 * would place below 0.3.20.
 */
export function supportsTypeOrmVersion(version: string): boolean {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!match) return false;
  const parts = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (parts[0]! >= BELOW_MAJOR) return false;
  for (let i = 0; i < LOWEST.length; i++) {
    if (parts[i]! !== LOWEST[i]) return parts[i]! > LOWEST[i]!;
  }
  return true;
}
