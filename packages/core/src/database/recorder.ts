import type { DatabaseErrorType } from "../errors/database.js"
import { Err, Ok, type Result } from "../result.js"
import { classifyWriteError } from "./classifyError.js"
import type {
  CreatedAssetRow,
  CreatedContractRow,
  JournalRow,
  TaskMetricRow,
  TransactionUpdate,
} from "./rows.js"
import { mergeUpdates } from "./statements.js"
import type { BatchWriter, CheckpointStats, WriteBatch } from "./writer.js"

/**
 * One buffered row, tagged with its table.
 *
 * @example
 * const item: RecorderItem = { kind: "metric", row: metric }
 */
export type RecorderItem =
  | { kind: "update"; row: TransactionUpdate }
  | { kind: "metric"; row: TaskMetricRow }
  | { kind: "contract"; row: CreatedContractRow }
  | { kind: "asset"; row: CreatedAssetRow }

/**
 * A buffered row that failed twice (in its batch, then alone) and was set aside.
 *
 * @example
 * for (const { item, error } of recorder.deadLetters()) console.error(item.kind, error.code)
 */
export type DeadLetter = { item: RecorderItem; error: DatabaseErrorType }

/**
 * Options for {@link createRecorder}.
 *
 * @example
 * const options: RecorderOptions = { flushRows: 500, flushIntervalMs: 200, maxQueueRows: 20_000, onError: console.error }
 */
export type RecorderOptions = {
  /** Flush as soon as this many rows are buffered. Default 500. */
  flushRows?: number
  /**
   * Rows per write transaction (a flush of more rows is split, yielding to the event loop
   * between transactions). Default: flushRows, i.e. one transaction per flush.
   */
  rowsPerTransaction?: number
  /** Flush buffered rows at least this often. Default 200 ms. */
  flushIntervalMs?: number
  /** Buffered rows above which `waitForCapacity()` waits. Default 20 000. Nothing is dropped. */
  maxQueueRows?: number
  /** Called with every write failure (a failed batch, a dead-lettered row, a failed journal write). */
  onError?: (error: DatabaseErrorType) => void
}

/**
 * Counters of a recorder.
 *
 * @example
 * const { queued, written, failures } = recorder.stats()
 */
export type RecorderStats = {
  /** Rows waiting in memory. */
  queued: number
  /** Journal rows committed. */
  journalled: number
  /** Buffered rows committed. */
  written: number
  flushes: number
  /** Failed writes (journal calls and flush batches). */
  failures: number
  /** Rows set aside after their retry failed too. */
  deadLetters: number
  lastError: DatabaseErrorType | undefined
  /** Longest single flush transaction, ms (on SQLite, the longest event-loop block by a flush). */
  maxFlushMs: number
  /** SQLite WAL checkpoints run between flushes. */
  checkpoints: CheckpointStats
}

/**
 * The hot-path writer of a run. The journal is committed synchronously before the broadcast;
 * everything else is buffered and flushed in batches. See ADR 0004 for the durability rules.
 *
 * @example
 * const journalled = await recorder.journalTransactions(rows)
 * if (journalled.isErr()) return journalled // do not broadcast
 * broadcast(rows)
 * if (!recorder.recordTaskMetric(metric)) await recorder.waitForCapacity()
 */
export type Recorder = {
  /** Commits journal rows now, in one transaction. Resolve before broadcasting. */
  journalTransactions(rows: readonly JournalRow[]): Promise<Result<void, DatabaseErrorType>>
  /** Buffers transaction status changes. Returns false when the queue is full (call waitForCapacity). */
  updateTransactions(updates: readonly TransactionUpdate[]): boolean
  recordTaskMetric(row: TaskMetricRow): boolean
  recordCreatedContract(row: CreatedContractRow): boolean
  recordCreatedAsset(row: CreatedAssetRow): boolean
  /** Resolves when the queue is below its limit. */
  waitForCapacity(): Promise<void>
  /** True while the queue is at its limit (the scheduler skips starts instead of growing memory). */
  underPressure(): boolean
  /** Writes everything buffered so far. Resolves with the first error of this flush, if any. */
  flush(): Promise<Result<void, DatabaseErrorType>>
  /** Stops the timer and drains the queue. Recording after close throws. */
  close(): Promise<Result<void, DatabaseErrorType>>
  stats(): RecorderStats
  deadLetters(): readonly DeadLetter[]
}

/**
 * The part of the {@link Recorder} a run writes through: the submitter journals {@link JournalRow}s,
 * the tracker buffers {@link TransactionUpdate}s, tasks record what they created. Tests pass an
 * in-memory one.
 *
 * @example
 * const journaled = await recorder.journalTransactions([row])
 */
export type RunRecorder = Pick<
  Recorder,
  | "journalTransactions"
  | "updateTransactions"
  | "recordTaskMetric"
  | "recordCreatedContract"
  | "recordCreatedAsset"
  | "flush"
  | "underPressure"
>

const tableOf = {
  update: "transactions",
  metric: "task_metrics",
  contract: "created_contracts",
  asset: "created_assets",
} as const

/**
 * Creates the recorder over a dialect's {@link BatchWriter}.
 *
 * @example
 * const recorder = createRecorder(createSqliteWriter({ raw, target, busyTimeoutMs: 5000, checkpointIntervalMs: 1000 }))
 */
export function createRecorder(writer: BatchWriter, options: RecorderOptions = {}): Recorder {
  const flushRows = Math.max(1, options.flushRows ?? 500)
  const flushIntervalMs = options.flushIntervalMs ?? 200
  const maxQueueRows = Math.max(flushRows, options.maxQueueRows ?? 20_000)
  const rowsPerTransaction = Math.max(1, options.rowsPerTransaction ?? flushRows)
  const onError = options.onError ?? (() => {})

  let queue: RecorderItem[] = []
  let closed = false
  let flushing: Promise<Result<void, DatabaseErrorType>> | undefined
  let flushScheduled = false
  const waiters: (() => void)[] = []
  const dead: DeadLetter[] = []
  const counters = {
    journalled: 0,
    written: 0,
    flushes: 0,
    failures: 0,
    maxFlushMs: 0,
    lastError: undefined as DatabaseErrorType | undefined,
  }

  const timer = setInterval(() => {
    if (queue.length > 0 && flushing === undefined) void flush()
  }, flushIntervalMs)
  timer.unref()

  function report(error: DatabaseErrorType) {
    counters.lastError = error
    try {
      onError(error)
    } catch {
      // A throwing callback must not break the recorder.
    }
  }

  function classify(cause: unknown, kind: RecorderItem["kind"] | "journal", rows: number) {
    const table = kind === "journal" ? "transactions" : tableOf[kind]
    return classifyWriteError(cause, {
      target: writer.target,
      table,
      operation: kind === "journal" ? `journal ${rows} transaction(s)` : `flush ${rows} row(s)`,
      busyTimeoutMs: writer.busyTimeoutMs,
    })
  }

  function enqueue(items: RecorderItem[]): boolean {
    if (closed) throw new Error("The recorder is closed: nothing can be recorded after close().")
    for (const item of items) queue.push(item)
    if (queue.length >= flushRows && !flushScheduled && flushing === undefined) {
      flushScheduled = true
      setImmediate(() => {
        flushScheduled = false
        void flush()
      })
    }
    return queue.length < maxQueueRows
  }

  function releaseWaiters() {
    while (queue.length < maxQueueRows && waiters.length > 0) waiters.shift()?.()
  }

  function toBatch(items: readonly RecorderItem[]): WriteBatch {
    const batch: WriteBatch = { updates: [], metrics: [], contracts: [], assets: [] }
    for (const item of items) {
      if (item.kind === "update") batch.updates.push(item.row)
      else if (item.kind === "metric") batch.metrics.push(item.row)
      else if (item.kind === "contract") batch.contracts.push(item.row)
      else batch.assets.push(item.row)
    }
    batch.updates = mergeUpdates(batch.updates)
    return batch
  }

  /** Writes one chunk; on failure retries each row alone once, then dead-letters it. */
  async function writeChunk(chunk: RecorderItem[]): Promise<DatabaseErrorType | undefined> {
    const started = performance.now()
    try {
      await writer.write(toBatch(chunk))
      counters.maxFlushMs = Math.max(counters.maxFlushMs, performance.now() - started)
      counters.written += chunk.length
      return undefined
    } catch (cause) {
      const first = chunk[0]
      const error = classify(cause, first?.kind ?? "metric", chunk.length)
      counters.failures++
      report(error)
      for (const item of chunk) {
        try {
          await writer.write(toBatch([item]))
          counters.written++
        } catch (retryCause) {
          const retryError = classify(retryCause, item.kind, 1)
          dead.push({ item, error: retryError })
          report(retryError)
        }
      }
      return error
    }
  }

  async function drain(): Promise<Result<void, DatabaseErrorType>> {
    let firstError: DatabaseErrorType | undefined
    while (queue.length > 0) {
      const chunk = queue.length <= rowsPerTransaction ? queue : queue.slice(0, rowsPerTransaction)
      queue = queue.length <= rowsPerTransaction ? [] : queue.slice(rowsPerTransaction)
      const error = await writeChunk(chunk)
      firstError ??= error
      counters.flushes++
      releaseWaiters()
      // Let the event loop breathe between chunks (each one is a short synchronous write on SQLite).
      if (queue.length > 0) await new Promise<void>((resolve) => setImmediate(resolve))
    }
    return firstError === undefined ? Ok(undefined) : Err(firstError)
  }

  function flush(): Promise<Result<void, DatabaseErrorType>> {
    if (flushing !== undefined) {
      // Chain: rows queued during the running flush are written by the next one.
      return flushing.then(() => flush())
    }
    flushing = drain().finally(() => {
      flushing = undefined
    })
    return flushing
  }

  return {
    async journalTransactions(rows) {
      try {
        await writer.journal(rows)
        counters.journalled += rows.length
        return Ok(undefined)
      } catch (cause) {
        const error = classify(cause, "journal", rows.length)
        counters.failures++
        report(error)
        return Err(error)
      }
    },
    updateTransactions: (updates) => enqueue(updates.map((row) => ({ kind: "update", row }))),
    recordTaskMetric: (row) => enqueue([{ kind: "metric", row }]),
    recordCreatedContract: (row) => enqueue([{ kind: "contract", row }]),
    recordCreatedAsset: (row) => enqueue([{ kind: "asset", row }]),
    waitForCapacity() {
      if (queue.length < maxQueueRows) return Promise.resolve()
      if (flushing === undefined) void flush()
      return new Promise<void>((resolve) => waiters.push(resolve))
    },
    underPressure: () => queue.length >= maxQueueRows,
    flush,
    async close() {
      closed = true
      clearInterval(timer)
      const result = await flush()
      releaseWaiters()
      return result
    },
    stats: () => ({
      queued: queue.length,
      journalled: counters.journalled,
      written: counters.written,
      flushes: counters.flushes,
      failures: counters.failures,
      deadLetters: dead.length,
      lastError: counters.lastError,
      maxFlushMs: counters.maxFlushMs,
      checkpoints: writer.checkpointStats(),
    }),
    deadLetters: () => dead,
  }
}
