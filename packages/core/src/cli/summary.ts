import type { RunSummary } from "../runner/statistics/statistics.js"
import { defaultTableWidth, formatDuration, formatPercent, renderTable } from "./table.js"

/**
 * The end-of-run report for the terminal: totals, then one row per task (count, success rate,
 * p50/p95 duration and inclusion latency, transactions, main failure), then the top error codes.
 *
 * @example
 * io.stdout.write(renderRunSummary(summary))
 */
export function renderRunSummary(summary: RunSummary): string {
  const { transactions } = summary
  const header = [
    `Run finished (${summary.stopReason}): sent for ${formatDuration(summary.durationMs)} (setup ${formatDuration(summary.setupMs)} before, drain ${formatDuration(summary.drainMs)} after).`,
    `Tasks started: ${summary.tasksStarted}${summary.skippedStarts > 0 ? ` (${summary.skippedStarts} starts skipped: no free wallet or worker)` : ""}`,
    `Transactions: ${transactions.sent} sent, ${transactions.included} included, ${transactions.reverted} reverted, ${transactions.rejected} rejected, ${transactions.dropped} dropped, ${transactions.pending} pending`,
    `Rates over the sending window: ${summary.taskStartsPerSecond.toFixed(1)} task starts/s (target ${summary.targetTaskStartsPerSecond}), ${summary.transactionsPerSecond.toFixed(1)} transactions/s`,
    `Inclusion latency (observed − sent): p50 ${formatDuration(summary.inclusionLatencyMs.p50)}, p95 ${formatDuration(summary.inclusionLatencyMs.p95)}`,
    ...(summary.fees === undefined
      ? []
      : [
          `Fees paid: ${summary.fees.length === 0 ? "none" : summary.fees.map((fee) => `${fee.units} ${fee.symbol}`).join(", ")}`,
        ]),
  ]
  const names = Object.keys(summary.tasks).sort()
  const rows = names.map((name) => {
    const task = summary.tasks[name]!
    const [mainFailure] = Object.entries(task.failures).sort((left, right) => right[1] - left[1])
    return [
      name,
      String(task.count),
      formatPercent(task.success, task.count),
      formatDuration(task.durationMs.p50),
      formatDuration(task.durationMs.p95),
      formatDuration(task.inclusionLatencyMs.p50),
      formatDuration(task.inclusionLatencyMs.p95),
      `${task.transactions.included}/${task.transactions.sent}`,
      mainFailure === undefined ? "" : `${mainFailure[0]} ×${mainFailure[1]}`,
    ]
  })
  const table =
    rows.length === 0
      ? "No task ran.\n"
      : renderTable(
          [
            { header: "task", shrink: true },
            { header: "runs", align: "right" },
            { header: "ok", align: "right" },
            { header: "p50", align: "right" },
            { header: "p95", align: "right" },
            { header: "incl p50", align: "right" },
            { header: "incl p95", align: "right" },
            { header: "tx incl/sent", align: "right" },
            { header: "main failure", shrink: true },
          ],
          rows,
          { maxWidth: defaultTableWidth },
        )
  const errors =
    summary.topErrors.length === 0
      ? ""
      : `\nTop errors: ${summary.topErrors.map((error) => `${error.code} ×${error.count}`).join(", ")}\n`
  return `${header.join("\n")}\n\n${table}${errors}`
}

/**
 * The summary as one JSON document (`--json`): numbers stay numbers, undefined percentiles become null.
 *
 * @example
 * io.stdout.write(`${runSummaryJson(summary)}\n`)
 */
export function runSummaryJson(
  summary: RunSummary,
  run: { runId?: string; seed?: number; shard?: string; campaign?: string } = {},
): string {
  return JSON.stringify({ type: "summary", ...run, ...summary }, (_key, value: unknown) =>
    value === undefined ? null : typeof value === "bigint" ? value.toString() : value,
  )
}
