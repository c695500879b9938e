/**
 * @testnet/core — the chain-agnostic core of testnet-framework.
 * Each folder owns one concept and lists its public names in its own `index.ts` barrel
 * (named exports only); this file re-exports those barrels.
 */

export * from "./cli/index.js"
export * from "./config/index.js"
export * from "./database/index.js"
export * from "./devnet/index.js"
export { BaseError, type BaseErrorParameters } from "./errors/base.js"
export * from "./funding/index.js"
export * from "./gas/index.js"
export * from "./logging/index.js"
export * from "./metrics/index.js"
export * from "./nonce/index.js"
export * from "./proxy/index.js"
export * from "./redaction/index.js"
export * from "./report/index.js"
export { AsyncResult, Err, Ok, Result } from "./result.js"
export * from "./rpc/index.js"
export * from "./runner/index.js"
export * from "./signing/index.js"
export * from "./tasks/index.js"
// TODO(issue 17, surface engineer): chains still import the task harness from the root; it moves
// to the `@testnet/core/testing` entry (src/testing/index.ts) with the subpath exports.
export {
  startTaskRunner,
  type TaskRun,
  type TaskRunner,
  type TaskRunnerOptions,
} from "./testing/tasks/taskRunner.js"
export * from "./wallet/index.js"
