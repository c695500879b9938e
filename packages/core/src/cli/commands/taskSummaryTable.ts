import type { RunSummaryRecord } from "../../database/queries/runSummary.js"
import { defaultTableWidth, formatDuration, formatPercent, renderTable } from "../table.js"

/**
 * The `db stats` table: one row per task and a `(total)` row (of a run, or of a campaign's shards
 * merged).
 *
 * @example
 * io.stdout.write(renderTaskSummaryTable(summary))
 */
export function renderTaskSummaryTable(summary: Pick<RunSummaryRecord, "tasks" | "totals">): string {
  const rows = [...summary.tasks, { ...summary.totals, taskName: "(total)" }].map((task) => [
    task.taskName,
    String(task.count),
    formatPercent(task.successes, task.count),
    formatDuration(task.p50DurationMs),
    formatDuration(task.p95DurationMs),
    String(task.transactions),
    formatDuration(task.p50InclusionMs),
    formatDuration(task.p95InclusionMs),
    task.gasUsed.toString(),
  ])
  return renderTable(
    [
      { header: "task", shrink: true },
      { header: "runs", align: "right" },
      { header: "ok", align: "right" },
      { header: "p50", align: "right" },
      { header: "p95", align: "right" },
      { header: "txs", align: "right" },
      { header: "incl p50", align: "right" },
      { header: "incl p95", align: "right" },
      { header: "gas used", align: "right" },
    ],
    rows,
    { maxWidth: defaultTableWidth },
  )
}
