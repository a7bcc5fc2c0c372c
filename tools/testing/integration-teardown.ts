/** Jest global teardown of the API's integration tests: every service it started is stopped. */
export default async function teardown(): Promise<void> {
  await globalThis.acimtlTestServices?.stop();
}
