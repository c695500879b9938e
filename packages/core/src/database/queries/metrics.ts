import type { DatabaseErrorType } from "../../errors/database.js"
import type { Result } from "../../result.js"
import { type QueryContext, runQuery } from "./context.js"
import { type TaskMetricRecord, toTaskMetricRecord } from "./records.js"

/**
 * Filter shared by the metric queries.
 *
 * @example
 * const filter: MetricFilter = { runId, limit: 1000 }
 */
export type MetricFilter = { runId?: string; limit?: number }

/**
 * All task metrics (of one run, or of every run), oldest first.
 *
 * @example
 * const metrics = await taskMetrics(context, { runId })
 */
export function taskMetrics(
  context: QueryContext,
  filter: MetricFilter = {},
): Promise<Result<TaskMetricRecord[], DatabaseErrorType>> {
  return selectMetrics(context, filter, {})
}

/**
 * Task metrics of one wallet, oldest first. Deliberately not indexed by wallet (a wallet-keyed
 * index made inserts 6× slower): give `runId` to read through `task_metrics_run_task`.
 *
 * @example
 * const metrics = await metricsByWallet(context, { wallet: "0x…" })
 */
export function metricsByWallet(
  context: QueryContext,
  parameters: MetricFilter & { wallet: string },
): Promise<Result<TaskMetricRecord[], DatabaseErrorType>> {
  return selectMetrics(context, parameters, { wallet: parameters.wallet })
}

/**
 * Task metrics of one task, oldest first (indices `task_metrics_task_time`, `task_metrics_run_task`).
 *
 * @example
 * const metrics = await metricsByTask(context, { taskName: "transfer", runId })
 */
export function metricsByTask(
  context: QueryContext,
  parameters: MetricFilter & { taskName: string },
): Promise<Result<TaskMetricRecord[], DatabaseErrorType>> {
  return selectMetrics(context, parameters, { taskName: parameters.taskName })
}

function selectMetrics(
  context: QueryContext,
  filter: MetricFilter,
  by: { wallet?: string; taskName?: string },
): Promise<Result<TaskMetricRecord[], DatabaseErrorType>> {
  return runQuery(context, "read task metrics", "task_metrics", async () => {
    let query = context.db.selectFrom("task_metrics").selectAll()
    if (filter.runId !== undefined) query = query.where("run_id", "=", filter.runId)
    if (by.wallet !== undefined) query = query.where("wallet_address", "=", by.wallet)
    if (by.taskName !== undefined) query = query.where("task_name", "=", by.taskName)
    if (filter.limit !== undefined) query = query.limit(filter.limit)
    const rows = await query.orderBy("timestamp", "asc").orderBy("id", "asc").execute()
    return rows.map(toTaskMetricRecord)
  })
}

/**
 * Names of the tasks that ran, sorted.
 *
 * @example
 * const names = await uniqueTasks(context, { runId }) // ["deploy_counter", "transfer"]
 */
export function uniqueTasks(
  context: QueryContext,
  filter: { runId?: string } = {},
): Promise<Result<string[], DatabaseErrorType>> {
  return runQuery(context, "read task names", "task_metrics", async () => {
    let query = context.db.selectFrom("task_metrics").select("task_name").distinct()
    if (filter.runId !== undefined) query = query.where("run_id", "=", filter.runId)
    const rows = await query.orderBy("task_name").execute()
    return rows.map((row) => row.task_name)
  })
}

/**
 * Addresses of the wallets that ran at least one task, sorted.
 *
 * @example
 * const wallets = await walletsWithActivity(context, { runId })
 */
export function walletsWithActivity(
  context: QueryContext,
  filter: { runId?: string } = {},
): Promise<Result<string[], DatabaseErrorType>> {
  return runQuery(context, "read active wallets", "task_metrics", async () => {
    let query = context.db.selectFrom("task_metrics").select("wallet_address").distinct()
    if (filter.runId !== undefined) query = query.where("run_id", "=", filter.runId)
    const rows = await query.orderBy("wallet_address").execute()
    return rows.map((row) => row.wallet_address)
  })
}
