// Test support of @testnet/core (named exports only), the future `@testnet/core/testing` entry:
// the task harness that runs tasks on the embedded devnet, an in-memory fake chain and recorder
// for pipeline tests, a throw-away PostgreSQL server, and anvil's public dev accounts. Never imported by production code.
export { startTestPostgres, type TestPostgres } from "./database/postgresServer.js"
export { SimulatedChain } from "./nonce/simulatedChain.js"
export { createFakeChain, type FakeChain } from "./runner/fakeChain.js"
export { createMemoryRecorder } from "./runner/memoryRecorder.js"
export { testChain, tinyCounterInitCode } from "./runner/testChain.js"
export { readSourceFiles } from "./tasks/readSourceFiles.js"
export { createTaskHarness, type TaskHarness } from "./tasks/taskHarness.js"
export {
  startTaskRunner,
  type TaskRun,
  type TaskRunner,
  type TaskRunnerOptions,
} from "./tasks/taskRunner.js"
export {
  anvilAccounts,
  anvilFirstAddress,
  anvilMnemonic,
  lightScrypt,
  temporaryDirectory,
} from "./wallet/testFixtures.js"
