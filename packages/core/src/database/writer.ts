import type { DatabaseDialect } from "./migrations.js"
import type {
  CreatedAssetRow,
  CreatedContractRow,
  JournalRow,
  TaskMetricRow,
  TransactionUpdate,
} from "./rows.js"

/**
 * Rows the recorder writes together in one transaction.
 *
 * @example
 * const batch: WriteBatch = { updates: [], metrics: [metric], contracts: [], assets: [] }
 */
export type WriteBatch = {
  updates: TransactionUpdate[]
  metrics: TaskMetricRow[]
  contracts: CreatedContractRow[]
  assets: CreatedAssetRow[]
}

/**
 * Timing of the SQLite WAL checkpoints the writer runs between flushes.
 *
 * @example
 * const { count, maxMs } = writer.checkpointStats()
 */
export type CheckpointStats = { count: number; totalMs: number; maxMs: number }

/**
 * Dialect-specific fast path used by the recorder: prepared statements on SQLite, multi-row
 * statements on PostgreSQL. Methods throw the driver's error; the recorder classifies it.
 *
 * @example
 * await writer.journal(rows) // committed when it resolves
 */
export type BatchWriter = {
  readonly dialect: DatabaseDialect
  /** Path or masked URL, for error messages. */
  readonly target: string
  readonly busyTimeoutMs: number
  /** Inserts journal rows in one committed transaction (duplicates by hash are ignored). */
  journal(rows: readonly JournalRow[]): Promise<void>
  /** Writes a batch in one transaction. */
  write(batch: WriteBatch): Promise<void>
  checkpointStats(): CheckpointStats
  /** Stops timers and runs a final checkpoint. Does not close the connection. */
  close(): Promise<void>
}
