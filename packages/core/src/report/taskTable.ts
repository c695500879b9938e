import { groupBy, percentile } from "../database/queries/percentile.js"
import type { ChainFeeCurrency } from "../tasks/feeCurrency.js"
import { createGasTally } from "./fees.js"
import type { ReportMetricRow, ReportTransactionRow } from "./loadRunRows.js"
import type { ReportTaskRow } from "./types.js"

/**
 * Whether a task metric counts as a success (`expected_failure` is the task doing its job).
 *
 * @example
 * metrics.filter(isTaskSuccess).length
 */
export function isTaskSuccess(row: Pick<ReportMetricRow, "status">): boolean {
  return row.status === "success" || row.status === "expected_failure"
}

/**
 * One row per task name (sorted): executions, successes, duration p50/p95 (from task_metrics),
 * transactions by fate, gas used and fees per token (from the journal).
 *
 * @example
 * const table = buildTaskTable(rows)
 */
export function buildTaskTable(
  rows: {
    transactions: readonly ReportTransactionRow[]
    metrics: readonly ReportMetricRow[]
  },
  feeCurrency?: ChainFeeCurrency,
): ReportTaskRow[] {
  const metricsByTask = groupBy(rows.metrics, (row) => row.task)
  const transactionsByTask = groupBy(rows.transactions, (row) => row.task)
  const names = [...new Set([...metricsByTask.keys(), ...transactionsByTask.keys()])].sort()
  return names.map((task) => {
    const metrics = metricsByTask.get(task) ?? []
    const transactions = transactionsByTask.get(task) ?? []
    const durations = metrics.map((row) => row.durationMs).sort((left, right) => left - right)
    const successes = metrics.filter(isTaskSuccess).length
    const tally = createGasTally(feeCurrency)
    for (const row of transactions) tally.add(row)
    return {
      task,
      count: metrics.length,
      successes,
      failures: metrics.length - successes,
      successRate: metrics.length === 0 ? 0 : successes / metrics.length,
      p50DurationMs: percentile(durations, 50) ?? null,
      p95DurationMs: percentile(durations, 95) ?? null,
      transactions: transactions.length,
      included: transactions.filter((row) => row.status === "included").length,
      failed: transactions.filter((row) => row.status === "failed").length,
      dropped: transactions.filter((row) => row.status === "dropped").length,
      gasUsed: tally.gasUsed(),
      fees: tally.fees(),
    }
  })
}
