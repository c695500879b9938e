import type { ChainFeeCurrency } from "../tasks/feeCurrency.js"
import { createGasTally } from "./fees.js"
import type { ReportMetricRow, ReportTransactionRow } from "./loadRunRows.js"
import { isTaskSuccess } from "./taskTable.js"
import type { ReportThroughput, ReportTotals } from "./types.js"

/**
 * Whole-run totals of the work transactions (funding excluded, counted in `funding`).
 *
 * @example
 * const totals = buildTotals({ transactions, metrics, funding: 20, throughput })
 */
export function buildTotals(parameters: {
  transactions: readonly ReportTransactionRow[]
  metrics: readonly ReportMetricRow[]
  funding: number
  throughput: ReportThroughput
  /** The sending window's length; without it, rates are over the active span. */
  windowMs?: number
  targetTaskStartsPerSecond?: number
  feeCurrency?: ChainFeeCurrency
}): ReportTotals {
  const { transactions, metrics, throughput } = parameters
  const byStatus = { pending: 0, included: 0, failed: 0, dropped: 0, replaced: 0 }
  const tally = createGasTally(parameters.feeCurrency)
  let firstMs = Number.POSITIVE_INFINITY
  let lastMs = Number.NEGATIVE_INFINITY
  for (const row of transactions) {
    byStatus[row.status] += 1
    tally.add(row)
    firstMs = Math.min(firstMs, row.sentAt)
    lastMs = Math.max(lastMs, row.includedAt ?? row.sentAt)
  }
  const taskSuccesses = metrics.filter(isTaskSuccess).length
  const settled = transactions.length - byStatus.pending
  // At least one second, so a burst inside one second does not divide by ~0.
  const spanSeconds =
    parameters.windowMs !== undefined && parameters.windowMs > 0
      ? parameters.windowMs / 1000
      : transactions.length === 0
        ? 0
        : Math.max(1, (lastMs - firstMs) / 1000)
  const rate = (count: number) => (spanSeconds === 0 ? 0 : count / spanSeconds)
  return {
    sent: transactions.length,
    included: byStatus.included,
    failed: byStatus.failed,
    dropped: byStatus.dropped,
    pending: byStatus.pending,
    replaced: byStatus.replaced,
    funding: parameters.funding,
    successRate: settled === 0 ? 0 : byStatus.included / settled,
    tasks: metrics.length,
    taskSuccesses,
    taskFailures: metrics.length - taskSuccesses,
    taskSuccessRate: metrics.length === 0 ? 0 : taskSuccesses / metrics.length,
    averageSentTps: rate(transactions.length),
    averageIncludedTps: rate(byStatus.included),
    taskStartsPerSecond: rate(metrics.length),
    targetTaskStartsPerSecond: parameters.targetTaskStartsPerSecond ?? null,
    peakSentTps: throughput.sentTps.reduce((peak, value) => Math.max(peak, value), 0),
    peakIncludedTps: throughput.includedTps.reduce((peak, value) => Math.max(peak, value), 0),
    gasUsed: tally.gasUsed(),
    fees: tally.fees(),
  }
}
