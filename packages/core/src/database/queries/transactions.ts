import type { DatabaseErrorType } from "../../errors/database.js"
import type { Result } from "../../result.js"
import type { TransactionStatus } from "../schema.js"
import { type QueryContext, runQuery } from "./context.js"
import { type TransactionRecord, toTransactionRecord } from "./records.js"

/**
 * Journalled transactions of a run in the given statuses, by send time (index
 * `transactions_run_status`). The runner's reconciliation reads the `pending` ones after a
 * restart and asks the chain what became of them.
 *
 * @example
 * const pending = await transactionsByStatus(context, { runId, statuses: ["pending"] })
 */
export function transactionsByStatus(
  context: QueryContext,
  parameters: { runId: string; statuses: readonly TransactionStatus[]; limit?: number },
): Promise<Result<TransactionRecord[], DatabaseErrorType>> {
  return runQuery(context, "read transactions", "transactions", async () => {
    if (parameters.statuses.length === 0) return []
    let query = context.db
      .selectFrom("transactions")
      .selectAll()
      .where("run_id", "=", parameters.runId)
      .where("status", "in", parameters.statuses)
    if (parameters.limit !== undefined) query = query.limit(parameters.limit)
    const rows = await query.orderBy("sent_at").orderBy("hash").execute()
    return rows.map(toTransactionRecord)
  })
}

/**
 * One journalled transaction by hash, or undefined.
 *
 * @example
 * const transaction = await getTransaction(context, { hash: "0xab…" })
 */
export function getTransaction(
  context: QueryContext,
  parameters: { hash: string },
): Promise<Result<TransactionRecord | undefined, DatabaseErrorType>> {
  return runQuery(context, "read a transaction", "transactions", async () => {
    const row = await context.db
      .selectFrom("transactions")
      .selectAll()
      .where("hash", "=", parameters.hash)
      .executeTakeFirst()
    return row === undefined ? undefined : toTransactionRecord(row)
  })
}
