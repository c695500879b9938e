import type { DatabaseManager } from "../database/openDatabase.js"
import type { RunSummaryRecord } from "../database/queries/runSummary.js"
import type { RunSummary } from "./statistics.js"

/**
 * The run summary with its inclusion latencies taken from the journal — the same rows and the
 * same definition (database/queries/inclusionLatency.ts) as `db stats` and the HTML report — so
 * the three never disagree. The live statistics' histogram (2 % buckets, tracker send time) only
 * feeds the progress line. When the journal cannot be read, the live numbers stay.
 *
 * @example
 * const summary = await summaryWithJournalLatency(result.value, database, runId)
 */
export async function summaryWithJournalLatency(
  summary: RunSummary,
  database: Pick<DatabaseManager, "queries">,
  runId: string,
): Promise<RunSummary> {
  const record = await database.queries.runSummary({ runId })
  if (record.isErr()) return summary
  return applyJournalLatency(summary, record.value)
}

/**
 * Replaces a summary's inclusion latencies (total and per task) by the journal's.
 *
 * @example
 * const summary = applyJournalLatency(live, (await queries.runSummary({ runId })).unwrap())
 */
export function applyJournalLatency(summary: RunSummary, record: RunSummaryRecord): RunSummary {
  const tasks: RunSummary["tasks"] = {}
  for (const [name, task] of Object.entries(summary.tasks)) {
    const journalled = record.tasks.find((candidate) => candidate.taskName === name)
    tasks[name] =
      journalled === undefined
        ? task
        : {
            ...task,
            inclusionLatencyMs: { p50: journalled.p50InclusionMs, p95: journalled.p95InclusionMs },
          }
  }
  return {
    ...summary,
    inclusionLatencyMs: { p50: record.totals.p50InclusionMs, p95: record.totals.p95InclusionMs },
    tasks,
  }
}
