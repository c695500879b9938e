import type { DatabaseManager } from "../database/openDatabase.js"
import { runQuery } from "../database/queries/context.js"
import type { TaskMetricStatus, TransactionStatus } from "../database/schema.js"
import type { DatabaseErrorType } from "../errors/database.js"
import type { Result } from "../result.js"

/**
 * The database a report reads: any opened {@link DatabaseManager} (SQLite or PostgreSQL).
 *
 * @example
 * const source: ReportDatabase = (await openDatabase({ url: "./data/tempo.db" })).unwrap()
 */
export type ReportDatabase = Pick<DatabaseManager, "db" | "dialect" | "target" | "queries">

/**
 * A journal row as the report needs it (numbers parsed, big integers as bigint).
 *
 * @example
 * const gas = rows.transactions.reduce((sum, row) => sum + (row.gasUsed ?? 0n), 0n)
 */
export type ReportTransactionRow = {
  task: string
  wallet: string
  status: TransactionStatus
  sentAt: number
  includedBlock: bigint | undefined
  /** When the run observed the including block (Unix ms). */
  includedAt: number | undefined
  /** The including block's timestamp (Unix ms; undefined before schema version 3). */
  blockTimestamp: number | undefined
  gasUsed: bigint | undefined
  effectiveGasPrice: bigint | undefined
  feeToken: string | undefined
  errorCode: string | undefined
}

/**
 * A task metric as the report needs it.
 *
 * @example
 * const failed = rows.metrics.filter((row) => row.status === "failure")
 */
export type ReportMetricRow = {
  task: string
  wallet: string
  status: TaskMetricStatus
  errorCode: string | undefined
  durationMs: number
  timestamp: number
}

/**
 * Every journal row and task metric of one run, each read in one query.
 *
 * @example
 * const rows = (await loadRunRows(database, runId)).unwrap()
 */
export async function loadRunRows(
  database: ReportDatabase,
  runId: string,
): Promise<Result<{ transactions: ReportTransactionRow[]; metrics: ReportMetricRow[] }, DatabaseErrorType>> {
  const context = { db: database.db, dialect: database.dialect, target: database.target, busyTimeoutMs: 5000 }
  const transactions = await runQuery(context, "read a run's journal", "transactions", async () => {
    const rows = await database.db
      .selectFrom("transactions")
      .select([
        "task",
        "wallet",
        "status",
        "sent_at",
        "included_block",
        "included_at",
        "block_timestamp",
        "gas_used",
        "effective_gas_price",
        "fee_token",
        "error_code",
      ])
      .where("run_id", "=", runId)
      .execute()
    return rows.map(
      (row): ReportTransactionRow => ({
        task: row.task,
        wallet: row.wallet,
        status: row.status,
        sentAt: Number(row.sent_at),
        includedBlock: row.included_block === null ? undefined : BigInt(row.included_block),
        includedAt: row.included_at === null ? undefined : Number(row.included_at),
        blockTimestamp: row.block_timestamp === null ? undefined : Number(row.block_timestamp),
        gasUsed: row.gas_used === null ? undefined : BigInt(row.gas_used),
        effectiveGasPrice: row.effective_gas_price === null ? undefined : BigInt(row.effective_gas_price),
        feeToken: row.fee_token ?? undefined,
        errorCode: row.error_code ?? undefined,
      }),
    )
  })
  if (transactions.isErr()) return transactions
  const metrics = await runQuery(context, "read a run's task metrics", "task_metrics", async () => {
    const rows = await database.db
      .selectFrom("task_metrics")
      .select(["task_name", "wallet_address", "status", "error_code", "duration_ms", "timestamp"])
      .where("run_id", "=", runId)
      .execute()
    return rows.map(
      (row): ReportMetricRow => ({
        task: row.task_name,
        wallet: row.wallet_address,
        status: row.status,
        errorCode: row.error_code ?? undefined,
        durationMs: Number(row.duration_ms),
        timestamp: Number(row.timestamp),
      }),
    )
  })
  return metrics.map((metricRows) => ({ transactions: transactions.value, metrics: metricRows }))
}
