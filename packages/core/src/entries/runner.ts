/**
 * @testnet/core/runner — the load engine behind `run`: runner, scheduler, submitter, receipt
 * tracking, funding of worker wallets, nonce lanes, fee management and run metrics.
 */
export * from "../funding/index.js"
export * from "../gas/index.js"
export * from "../metrics/index.js"
export * from "../nonce/index.js"
export * from "../runner/index.js"
