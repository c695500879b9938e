/**
 * @testnet/core/testing — what a chain's tests need: run one task on the embedded devnet and
 * check the run was clean, run the whole workload (`runLoad` with a parsed config), start and stop
 * devnets, deterministic randomness, an RPC client to inspect the chain, read the run database a
 * test run wrote, check that no source repeats a task name, and core's own test support (fake
 * chain, in-memory recorder, dev-account fixtures).
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
export { checkCleanRun, createRandom, findTaskNameLiterals, getDevnetOptions } from "../tasks/index.js"
export * from "../testing/index.js"
