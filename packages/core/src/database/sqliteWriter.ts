import type Database from "better-sqlite3"
import type {
  CreatedAssetRow,
  CreatedContractRow,
  JournalRow,
  TaskMetricRow,
  TransactionUpdate,
} from "./rows.js"
import { startWorkerCheckpointer } from "./sqliteCheckpointer.js"
import {
  assetParameters,
  contractParameters,
  insertSql,
  journalParameters,
  metricParameters,
  updateParameters,
} from "./statements.js"
import type { BatchWriter, CheckpointStats, WriteBatch } from "./writer.js"

/**
 * Options for {@link createSqliteWriter}.
 *
 * @example
 * const options: SqliteWriterOptions = { raw, target: "./data/tempo.db", busyTimeoutMs: 5000, checkpointIntervalMs: 1000 }
 */
export type SqliteWriterOptions = {
  raw: Database.Database
  target: string
  busyTimeoutMs: number
  /** Period of the PASSIVE WAL checkpoint (0 disables checkpoints until close). */
  checkpointIntervalMs: number
  /**
   * Where checkpoints run: "main" (default: a timer on this connection, between flushes; one
   * connection per process) or "worker" (a worker thread with a second connection, off the
   * event loop; it did not lower the loop delay on this 2-core box, see docs/benchmarks/database.md).
   */
  checkpointMode?: "worker" | "main"
  /** The file path, needed by the worker checkpointer. */
  path?: string
}

/**
 * The recorder's SQLite fast path: statements prepared once, run in one synchronous
 * transaction per call (baseline 4b: ~4 µs per row, against 78 µs for a Kysely builder per row).
 * It also owns the WAL checkpoints (automatic ones are off): `PRAGMA wal_checkpoint(PASSIVE)`
 * every `checkpointIntervalMs`, on this connection between flushes (default) or from a worker
 * thread (`checkpointMode: "worker"`), so each copies only the pages written
 * since the last one, instead of SQLite's automatic ~4 MB ones that block for 13–56 ms.
 *
 * @example
 * const writer = createSqliteWriter({ raw, target: path, busyTimeoutMs: 5000, checkpointIntervalMs: 1000 })
 * await writer.journal(rows)
 */
export function createSqliteWriter(options: SqliteWriterOptions): BatchWriter {
  const { raw } = options
  const insertJournal = raw.prepare(insertSql("transactions", 1, "sqlite"))
  const insertMetric = raw.prepare(insertSql("task_metrics", 1, "sqlite"))
  const insertContract = raw.prepare(insertSql("created_contracts", 1, "sqlite"))
  const insertAsset = raw.prepare(insertSql("created_assets", 1, "sqlite"))
  const update = raw.prepare(
    `UPDATE transactions SET status = ?, included_block = COALESCE(?, included_block),
     included_at = COALESCE(?, included_at), gas_used = COALESCE(?, gas_used),
     effective_gas_price = COALESCE(?, effective_gas_price), error_code = COALESCE(?, error_code),
     block_timestamp = COALESCE(?, block_timestamp), fee_token = COALESCE(?, fee_token),
     replaced_by = COALESCE(?, replaced_by)
     WHERE hash = ?`,
  )
  const checkpoint = raw.prepare("PRAGMA wal_checkpoint(PASSIVE)")
  const inWal = String(raw.pragma("journal_mode", { simple: true })).toLowerCase() === "wal"
  const checkpoints: CheckpointStats = { count: 0, totalMs: 0, maxMs: 0 }

  const journalAll = raw.transaction((rows: readonly JournalRow[]) => {
    for (const row of rows) insertJournal.run(journalParameters(row))
  })
  const writeAll = raw.transaction((batch: WriteBatch) => {
    for (const row of batch.updates as TransactionUpdate[]) {
      // updateParameters starts with the hash; this statement takes it last.
      const [hash, ...rest] = updateParameters(row)
      update.run(...rest, hash)
    }
    for (const row of batch.metrics as TaskMetricRow[]) insertMetric.run(metricParameters(row))
    for (const row of batch.contracts as CreatedContractRow[]) insertContract.run(contractParameters(row))
    for (const row of batch.assets as CreatedAssetRow[]) insertAsset.run(assetParameters(row))
  })

  function runCheckpoint() {
    if (!inWal || !raw.open || raw.inTransaction) return
    const started = performance.now()
    try {
      checkpoint.run()
    } catch {
      // A busy checkpoint is harmless: the next one catches up.
      return
    }
    const elapsed = performance.now() - started
    checkpoints.count++
    checkpoints.totalMs += elapsed
    checkpoints.maxMs = Math.max(checkpoints.maxMs, elapsed)
  }

  const useWorker =
    inWal &&
    options.checkpointIntervalMs > 0 &&
    options.checkpointMode === "worker" &&
    options.path !== undefined
  const worker = useWorker
    ? startWorkerCheckpointer({
        path: options.path ?? "",
        intervalMs: options.checkpointIntervalMs,
        busyTimeoutMs: options.busyTimeoutMs,
      })
    : undefined
  const timer =
    inWal && options.checkpointIntervalMs > 0 && worker === undefined
      ? setInterval(runCheckpoint, options.checkpointIntervalMs)
      : undefined
  timer?.unref()

  return {
    dialect: "sqlite",
    target: options.target,
    busyTimeoutMs: options.busyTimeoutMs,
    async journal(rows) {
      if (rows.length > 0) journalAll(rows)
    },
    async write(batch) {
      writeAll(batch)
    },
    checkpointStats: () => (worker === undefined ? { ...checkpoints } : worker.stats()),
    async close() {
      if (timer !== undefined) clearInterval(timer)
      await worker?.stop()
      if (inWal && raw.open && !raw.inTransaction) {
        try {
          raw.pragma("wal_checkpoint(TRUNCATE)")
        } catch {
          // Another reader holds the WAL; SQLite checkpoints it on its next open.
        }
      }
    },
  }
}
