/**
 * What the runner writes to the database, in the runner's own vocabulary. `runLoad` adapts it to
 * the database module's Recorder; tests can capture it in memory.
 */
import type { BaseError } from "../errors/base.js"
import type { Result } from "../result.js"

/**
 * One journal row, committed BEFORE the transaction is broadcast.
 *
 * @example
 * const row: RunnerJournalRow = { hash, walletAddress, nonce: 0n, nonceKey: 0n, taskName: "transfer", sentAt: Date.now(), to: null }
 */
export type RunnerJournalRow = {
  hash: string
  walletAddress: string
  nonce: bigint
  nonceKey: bigint
  taskName: string
  sentAt: number
  to: string | null
  /** The fee token the transaction names (chains with fee tokens). */
  feeToken?: string
}

/** Final (or intermediate) state of a journaled transaction. @example const status: RunnerTransactionStatus = "included" */
export type RunnerTransactionStatus =
  | "pending"
  | "included"
  | "reverted"
  | "dropped"
  | "rejected"
  | "replaced"

/**
 * A state change of a journaled transaction.
 *
 * @example
 * const update: RunnerTransactionUpdate = { hash, status: "included", includedBlock: 12n, includedAt: 1_700_000_000_000, gasUsed: 21000n, effectiveGasPrice: 7n }
 */
export type RunnerTransactionUpdate = {
  hash: string
  status: RunnerTransactionStatus
  includedBlock?: bigint
  /** Unix ms at which the run observed the including block. */
  includedAt?: number
  /** The including block's timestamp, Unix ms. */
  blockTimestamp?: number
  gasUsed?: bigint
  effectiveGasPrice?: bigint
  errorCode?: string
  /** Status `replaced`: the hash of the transaction with the same nonce that took its place. */
  replacedBy?: string
}

/**
 * One finished task, for the task_metrics table.
 *
 * @example
 * const metric: RunnerTaskMetric = { workerId: 0, walletAddress, taskName: "transfer", status: "success", durationMs: 812, timestamp: Date.now() }
 */
export type RunnerTaskMetric = {
  workerId: number
  walletAddress: string
  taskName: string
  status: "success" | "failure" | "expected_failure"
  message?: string
  errorCode?: string
  durationMs: number
  timestamp: number
}

/**
 * The recorder as the runner uses it.
 *
 * @example
 * await recorder.journal([row])
 */
export type RunnerRecorder = {
  journal(rows: readonly RunnerJournalRow[]): Promise<Result<void, BaseError>>
  update(updates: readonly RunnerTransactionUpdate[]): void
  taskMetric(metric: RunnerTaskMetric): void
  contract(contract: {
    address: string
    kind: string
    deployer: string
    transactionHash?: string
    metadata?: Record<string, unknown>
  }): void
  asset(asset: {
    address: string
    kind: string
    creator: string
    tokenId?: string
    transactionHash?: string
    metadata?: Record<string, unknown>
  }): void
  flush(): Promise<void>
  /** True while the write queue is over its limit (the scheduler skips starts). */
  underPressure?(): boolean
}
