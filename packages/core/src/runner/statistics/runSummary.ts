// What a run's statistics report: the live snapshot for the progress display and the end-of-run
// summary (also stored with the run and printed by the CLI).
import type { FeeInUnits } from "../../tasks/feeCurrency.js"

/**
 * Median and 95th percentile in milliseconds (undefined before the first sample).
 *
 * @example
 * const { p50, p95 } = snapshot.inclusionLatencyMs
 */
export type Percentiles = { p50: number | undefined; p95: number | undefined }

/**
 * Point-in-time view of a run for the progress display.
 *
 * @example
 * const line = `${snapshot.sent} sent, ${snapshot.included} included, ${snapshot.currentTps.toFixed(1)}/${snapshot.targetTps} tps`
 */
export type RunSnapshot = {
  elapsedMs: number
  /** Scheduling has stopped; the run waits for tasks in flight and pending transactions. */
  draining: boolean
  tasksStarted: number
  tasksInFlight: number
  tasksSucceeded: number
  tasksFailed: number
  skippedStarts: number
  sent: number
  included: number
  reverted: number
  rejected: number
  dropped: number
  pendingTransactions: number
  /** Achieved transactions sent per second over the last few seconds. */
  currentTps: number
  /** Achieved task starts per second over the last few seconds (what `--tps` targets). */
  currentTaskStartsPerSecond: number
  /** The target: task starts per second (`--tps`), not transactions. */
  targetTps: number
  inclusionLatencyMs: Percentiles
  /** Task failure codes, plus reverts and drops seen by the receipt tracker. */
  topErrors: { code: string; count: number }[]
}

/**
 * Per-task totals in the summary.
 *
 * @example
 * summary.tasks.transfer?.failures // { RPC_NONCE_TOO_LOW: 2 }
 */
export type RunTaskSummary = {
  count: number
  success: number
  failures: Record<string, number>
  durationMs: Percentiles
  inclusionLatencyMs: Percentiles
  transactions: { sent: number; included: number; reverted: number; rejected: number; dropped: number }
}

/**
 * End-of-run summary.
 *
 * @example
 * console.log(`${summary.transactions.included}/${summary.transactions.sent} included in ${summary.durationMs} ms`)
 */
export type RunSummary = {
  /** The sending window: from the first scheduled start to the end of scheduling (setup and drain excluded). */
  durationMs: number
  /** Funding and other setup before the sending window. */
  setupMs: number
  /** Waiting for in-flight tasks and pending transactions after the sending window. */
  drainMs: number
  /** The sending window in wall-clock Unix ms (stored in `runs`, used by the report and `db stats`). */
  sendingWindow: { startedAt: number; endedAt: number }
  stopReason: string
  tasksStarted: number
  skippedStarts: number
  transactions: {
    sent: number
    included: number
    reverted: number
    rejected: number
    dropped: number
    pending: number
  }
  /** Transactions sent per second over the sending window (same as `transactionsPerSecond`). */
  averageTps: number
  /** Achieved: transactions sent per second over the sending window. */
  transactionsPerSecond: number
  /** Achieved: task starts per second over the sending window. */
  taskStartsPerSecond: number
  /** Target: task starts per second (`--tps`). */
  targetTaskStartsPerSecond: number
  inclusionLatencyMs: Percentiles
  /** Fees paid per token, in base units and in units (from the journal; absent in live statistics). */
  fees?: FeeInUnits[]
  tasks: Record<string, RunTaskSummary>
  topErrors: { code: string; count: number }[]
}
