import type { ReportTransactionRow } from "./loadRunRows.js"
import type { Timeline } from "./timeline.js"
import type { ReportThroughput } from "./types.js"

/**
 * Sent (by sent_at) and included (by included_at) transactions per second, per bucket.
 *
 * @example
 * const throughput = buildThroughput(rows.transactions, timeline)
 */
export function buildThroughput(
  transactions: readonly ReportTransactionRow[],
  timeline: Timeline,
): ReportThroughput {
  const sent = timeline.zeros()
  const included = timeline.zeros()
  for (const row of transactions) {
    const sentIndex = timeline.indexOf(row.sentAt)
    sent[sentIndex] = (sent[sentIndex] ?? 0) + 1
    if (row.status === "included" && row.includedAt !== undefined) {
      const includedIndex = timeline.indexOf(row.includedAt)
      included[includedIndex] = (included[includedIndex] ?? 0) + 1
    }
  }
  const perSecond = (count: number) => count / timeline.bucketSeconds
  return {
    bucketSeconds: timeline.bucketSeconds,
    time: [...timeline.time],
    sentTps: sent.map(perSecond),
    includedTps: included.map(perSecond),
  }
}
