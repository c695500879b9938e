import type { DatabaseErrorType } from "../../errors/database.js"
import type { Result } from "../../result.js"
import { type QueryContext, runQuery } from "./context.js"
import { type RunRecord, toRunRecord } from "./records.js"

/**
 * The most recently started run (optionally of one chain), or undefined.
 *
 * @example
 * const latest = await latestRun(context, { chain: "tempo" })
 */
export function latestRun(
  context: QueryContext,
  filter: { chain?: string } = {},
): Promise<Result<RunRecord | undefined, DatabaseErrorType>> {
  return runQuery(context, "read the latest run", "runs", async () => {
    let query = context.db.selectFrom("runs").selectAll()
    if (filter.chain !== undefined) query = query.where("chain", "=", filter.chain)
    const row = await query.orderBy("started_at", "desc").orderBy("id", "desc").limit(1).executeTakeFirst()
    return row === undefined ? undefined : toRunRecord(row)
  })
}

/**
 * One run by id, or undefined.
 *
 * @example
 * const run = await getRun(context, { runId })
 */
export function getRun(
  context: QueryContext,
  parameters: { runId: string },
): Promise<Result<RunRecord | undefined, DatabaseErrorType>> {
  return runQuery(context, "read a run", "runs", async () => {
    const row = await context.db
      .selectFrom("runs")
      .selectAll()
      .where("id", "=", parameters.runId)
      .executeTakeFirst()
    return row === undefined ? undefined : toRunRecord(row)
  })
}
