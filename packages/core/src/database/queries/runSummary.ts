import type { DatabaseErrorType } from "../../errors/database.js"
import type { Result } from "../../result.js"
import type { TransactionStatus } from "../schema.js"
import { type QueryContext, runQuery } from "./context.js"
import { inclusionLatencies } from "./inclusionLatency.js"
import { groupBy, percentile } from "./percentile.js"
import { type RunRecord, toRunRecord } from "./records.js"

/**
 * Statistics of one task in a run. Durations come from `task_metrics`; inclusion latency
 * (observed included_at − sent_at, inclusionLatency.ts), gas and fees from the journal. `fees` = Σ gas_used × effective_gas_price.
 *
 * @example
 * const line = `${summary.taskName}: ${summary.successes}/${summary.count}, p95 ${summary.p95DurationMs} ms`
 */
export type TaskSummary = {
  taskName: string
  count: number
  /** `success` and `expected_failure` outcomes. */
  successes: number
  failures: number
  successRate: number
  p50DurationMs: number | undefined
  p95DurationMs: number | undefined
  p99DurationMs: number | undefined
  transactions: number
  transactionsByStatus: Partial<Record<TransactionStatus, number>>
  p50InclusionMs: number | undefined
  p95InclusionMs: number | undefined
  p99InclusionMs: number | undefined
  gasUsed: bigint
  fees: bigint
}

/**
 * A run and its per-task statistics (tasks sorted by name) plus totals.
 *
 * @example
 * const summary = (await runSummary(context, { runId })).unwrap()
 * console.log(summary.totals.count, summary.tasks.map((task) => task.taskName))
 */
export type RunSummaryRecord = {
  run: RunRecord | undefined
  tasks: TaskSummary[]
  totals: Omit<TaskSummary, "taskName">
}

/**
 * Summary of one run. Reads the run's metrics and transactions once each, sorted, and
 * computes percentiles in JS (identical on SQLite and PostgreSQL).
 *
 * @example
 * const summary = await runSummary(context, { runId })
 */
export function runSummary(
  context: QueryContext,
  parameters: { runId: string },
): Promise<Result<RunSummaryRecord, DatabaseErrorType>> {
  return runQuery(context, "summarise a run", "task_metrics", async () => {
    const { runId } = parameters
    const run = await context.db.selectFrom("runs").selectAll().where("id", "=", runId).executeTakeFirst()
    return {
      run: run === undefined ? undefined : toRunRecord(run),
      ...(await summariseRuns(context, [runId])),
    }
  })
}

/**
 * Per-task statistics and totals over the rows of several runs together (a campaign's shards):
 * percentiles over the merged samples, never averages of per-run percentiles.
 *
 * @example
 * const { tasks, totals } = await summariseRuns(context, runs.map((run) => run.id))
 */
export async function summariseRuns(
  context: QueryContext,
  runIds: readonly string[],
): Promise<Pick<RunSummaryRecord, "tasks" | "totals">> {
  if (runIds.length === 0) return { tasks: [], totals: summarise([], []) }
  const metrics = await context.db
    .selectFrom("task_metrics")
    .select(["task_name", "status", "duration_ms"])
    .where("run_id", "in", runIds)
    .orderBy("task_name")
    .orderBy("duration_ms")
    .execute()
  const transactions = await context.db
    .selectFrom("transactions")
    .select([
      "task",
      "status",
      "sent_at",
      "included_at",
      "block_timestamp",
      "gas_used",
      "effective_gas_price",
    ])
    .where("run_id", "in", runIds)
    .execute()

  const metricsByTask = groupBy(metrics, (row) => row.task_name)
  const transactionsByTask = groupBy(transactions, (row) => row.task)
  const names = [...new Set([...metricsByTask.keys(), ...transactionsByTask.keys()])].sort()
  const tasks = names.map((taskName) => ({
    taskName,
    ...summarise(metricsByTask.get(taskName) ?? [], transactionsByTask.get(taskName) ?? []),
  }))
  return {
    tasks,
    totals: summarise(
      [...metrics].sort((left, right) => Number(left.duration_ms) - Number(right.duration_ms)),
      transactions,
    ),
  }
}

type MetricRow = { status: string; duration_ms: number }
type TransactionRow = {
  task: string
  status: TransactionStatus
  sent_at: number
  included_at: number | null
  block_timestamp: number | null
  gas_used: string | null
  effective_gas_price: string | null
}

/** `metrics` must be sorted by duration. */
function summarise(metrics: readonly MetricRow[], transactions: readonly TransactionRow[]) {
  const durations = metrics.map((row) => Number(row.duration_ms))
  const successes = metrics.filter(
    (row) => row.status === "success" || row.status === "expected_failure",
  ).length
  const latencies = inclusionLatencies(
    transactions.map((row) => ({
      task: row.task,
      sentAt: row.sent_at,
      includedAt: row.included_at,
      blockTimestamp: row.block_timestamp,
    })),
  ).samples
  const byStatus: Partial<Record<TransactionStatus, number>> = {}
  let gasUsed = 0n
  let fees = 0n
  for (const row of transactions) {
    byStatus[row.status] = (byStatus[row.status] ?? 0) + 1
    if (row.gas_used === null) continue
    const gas = BigInt(row.gas_used)
    gasUsed += gas
    if (row.effective_gas_price !== null) fees += gas * BigInt(row.effective_gas_price)
  }
  return {
    count: metrics.length,
    successes,
    failures: metrics.length - successes,
    successRate: metrics.length === 0 ? 0 : successes / metrics.length,
    p50DurationMs: percentile(durations, 50),
    p95DurationMs: percentile(durations, 95),
    p99DurationMs: percentile(durations, 99),
    transactions: transactions.length,
    transactionsByStatus: byStatus,
    p50InclusionMs: percentile(latencies, 50),
    p95InclusionMs: percentile(latencies, 95),
    p99InclusionMs: percentile(latencies, 99),
    gasUsed,
    fees,
  }
}
