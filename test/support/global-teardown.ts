import { rmSync } from "node:fs";

export default async function globalTeardown(): Promise<void> {
  await globalThis.__AUTOGEN_TEST_SERVER__?.stop();
  const cache = globalThis.__AUTOGEN_TEST_CACHE__;
  if (cache !== undefined) rmSync(cache, { recursive: true, force: true });
}
