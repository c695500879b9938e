/**
 * @testnet/core/testing — what a chain's tests need: run one task on the embedded devnet and
 * check the run was clean, run the whole workload (`runLoad` with a parsed config), start and stop
 * devnets, deterministic randomness, an RPC client to inspect the chain, and read the run
 * database a test run wrote.
 */
export { parseConfig } from "../config/index.js"
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
export { createRpcClient, type RpcClient } from "../rpc/index.js"
export { runLoad } from "../runner/index.js"
export {
  checkCleanRun,
  createRandom,
  getDevnetOptions,
  startTaskRunner,
  type TaskRun,
  type TaskRunner,
  type TaskRunnerOptions,
} from "../tasks/index.js"
