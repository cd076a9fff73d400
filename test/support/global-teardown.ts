export default async function globalTeardown(): Promise<void> {
  await globalThis.__AUTOGEN_TEST_SERVER__?.stop();
}
