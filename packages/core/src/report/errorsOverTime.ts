import type { ReportMetricRow, ReportTransactionRow } from "./loadRunRows.js"
import type { Timeline } from "./timeline.js"
import type { ReportErrors } from "./types.js"

/**
 * Error codes over time: failed and timed-out tasks (by their error code, at the task's end)
 * and transactions that failed, were dropped or replaced (by journal code, at inclusion or send
 * time). Sorted by count; at most `maxCodes` codes get a series (the rest are only in `totals`).
 *
 * @example
 * const errors = buildErrors(rows, timeline)
 * errors.totals[0] // { code: "TRANSACTION_REVERTED", source: "transaction", count: 4 }
 */
export function buildErrors(
  rows: { transactions: readonly ReportTransactionRow[]; metrics: readonly ReportMetricRow[] },
  timeline: Timeline,
  maxCodes = 12,
): ReportErrors {
  const events: { key: string; code: string; source: "task" | "transaction"; timeMs: number }[] = []
  for (const metric of rows.metrics) {
    if (metric.status !== "failure") continue
    const code = metric.errorCode ?? metric.status.toUpperCase()
    events.push({ key: `task:${code}`, code, source: "task", timeMs: metric.timestamp })
  }
  for (const row of rows.transactions) {
    if (row.status !== "failed" && row.status !== "dropped" && row.status !== "replaced") continue
    const code = row.errorCode ?? row.status.toUpperCase()
    events.push({
      key: `transaction:${code}`,
      code,
      source: "transaction",
      timeMs: row.includedAt ?? row.sentAt,
    })
  }
  const totals = new Map<string, { code: string; source: "task" | "transaction"; count: number }>()
  for (const event of events) {
    const total = totals.get(event.key)
    if (total === undefined) totals.set(event.key, { code: event.code, source: event.source, count: 1 })
    else total.count += 1
  }
  const ordered = [...totals.entries()].sort(
    ([leftKey, left], [rightKey, right]) => right.count - left.count || leftKey.localeCompare(rightKey),
  )
  const charted = new Map(ordered.slice(0, maxCodes).map(([key], index) => [key, index]))
  const series = ordered.slice(0, maxCodes).map(() => timeline.zeros())
  for (const event of events) {
    const index = charted.get(event.key)
    const line = index === undefined ? undefined : series[index]
    if (line === undefined) continue
    const bucket = timeline.indexOf(event.timeMs)
    line[bucket] = (line[bucket] ?? 0) + 1
  }
  return { totals: ordered.map(([, total]) => total), time: [...timeline.time], series }
}
