/**
 * @testnet/core/testing — what a chain's tests need: run one task on the embedded devnet and
 * check the run was clean, start and stop devnets, deterministic randomness, and read the run
 * database a test run wrote.
 */
export { type DatabaseManager, openDatabase } from "../database/index.js"
export {
  anvilDefaultMnemonic,
  type DevAccount,
  type Devnet,
  type DevnetOptions,
  getDevAccounts,
  startDevnet,
  stopAllDevnets,
} from "../devnet/index.js"
export {
  checkCleanRun,
  createRandom,
  getDevnetOptions,
  startTaskRunner,
  type TaskRun,
  type TaskRunner,
  type TaskRunnerOptions,
} from "../tasks/index.js"
