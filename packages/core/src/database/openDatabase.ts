import type { Kysely } from "kysely"
import { type DatabaseErrorType, DatabaseWriteError } from "../errors/database.js"
import { maskUrl } from "../redaction/maskUrl.js"
import { Err, Ok, type Result } from "../result.js"
import {
  type CrashedRun,
  closeCrashedRuns,
  heartbeatRun,
  type PendingRow,
  pendingRowsOfFinishedRuns,
} from "./crashedRuns.js"
import { isPostgresUrl } from "./maskUrl.js"
import { migrateDatabase } from "./migrate.js"
import type { DatabaseDialect } from "./migrations.js"
import { openPostgres } from "./postgres.js"
import { createPostgresWriter } from "./postgresWriter.js"
import type { QueryContext } from "./queries/context.js"
import { createQueries, type DatabaseQueries } from "./queries/index.js"
import type { RunRecord } from "./queries/records.js"
import { createRecorder, type Recorder, type RecorderOptions } from "./recorder.js"
import { type CreateRunParameters, createRun, finishRun } from "./runs.js"
import type { DatabaseSchema, RunProxyStats, RunStatus } from "./schema.js"
import { openSqlite } from "./sqlite.js"
import { createSqliteWriter } from "./sqliteWriter.js"
import type { BatchWriter } from "./writer.js"

/**
 * Options for {@link openDatabase}.
 *
 * @example
 * const options: OpenDatabaseOptions = { url: "./data/tempo.db", recorder: { flushIntervalMs: 200 } }
 */
export type OpenDatabaseOptions = {
  /** A file path (parent directories are created), ":memory:", or a postgres:// / postgresql:// URL. */
  url: string
  /** How long a write waits for another process's lock. Default 5000 ms. */
  busyTimeoutMs?: number
  /** Period of SQLite's PASSIVE WAL checkpoint. Default 1000 ms. */
  checkpointIntervalMs?: number
  /** Where SQLite checkpoints run: "main" (default, between flushes) or "worker" (a worker thread). */
  checkpointMode?: "worker" | "main"
  /** PostgreSQL pool size. Default 2 (one for flushes, one for queries). */
  postgresPoolSize?: number
  /** PostgreSQL connect timeout. Default 5000 ms. */
  connectTimeoutMs?: number
  recorder?: RecorderOptions
}

/**
 * An open, migrated database: Kysely for ad-hoc reads, the hot-path {@link Recorder}, the
 * query API and run bookkeeping.
 *
 * @example
 * const run = await manager.createRun({ chain: "tempo", chainId: 42431, config, toolVersion: "0.1.0" })
 * manager.recorder.recordTaskMetric(metric)
 * await manager.close()
 */
export type DatabaseManager = {
  db: Kysely<DatabaseSchema>
  dialect: DatabaseDialect
  /** Path or URL with the password masked. */
  target: string
  recorder: Recorder
  queries: DatabaseQueries
  createRun(parameters: CreateRunParameters): Promise<Result<RunRecord, DatabaseErrorType>>
  finishRun(parameters: {
    runId: string
    status: Exclude<RunStatus, "running">
    endedAt?: number
    sendingWindow?: { startedAt: number; endedAt: number }
    /** Requests, failures and bans per proxy (masked URLs), stored with the run. */
    proxyStats?: readonly RunProxyStats[]
  }): Promise<Result<void, DatabaseErrorType>>
  /** Closes this chain's `running` runs whose process is gone as `crashed` (see `closeCrashedRuns`). */
  closeCrashedRuns(parameters: {
    chainId: number
    staleAfterMs?: number
  }): Promise<Result<CrashedRun[], DatabaseErrorType>>
  /** Rows left `pending` by this chain's finished or crashed runs. */
  pendingRowsOfFinishedRuns(parameters: {
    chainId: number
    excludeRunId?: string
    limit?: number
  }): Promise<Result<PendingRow[], DatabaseErrorType>>
  /** Marks a run alive now. */
  heartbeat(runId: string): Promise<Result<void, DatabaseErrorType>>
  /** Drains the recorder, runs a final checkpoint and closes the connection(s). */
  close(): Promise<Result<void, DatabaseErrorType>>
}

/**
 * Opens (creating if needed) and migrates the database named by `url`: SQLite through
 * better-sqlite3 for a path or ":memory:", PostgreSQL through pg for a postgres:// URL.
 *
 * @example
 * const opened = await openDatabase({ url: "./data/tempo.db" })
 * if (opened.isErr()) { console.error(opened.error.message); process.exit(2) }
 * const manager = opened.value
 */
export async function openDatabase(
  options: OpenDatabaseOptions,
): Promise<Result<DatabaseManager, DatabaseErrorType>> {
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000
  const target = maskUrl(options.url)
  let db: Kysely<DatabaseSchema>
  let dialect: DatabaseDialect
  let createWriter: () => BatchWriter
  let closeConnection: () => Promise<void>

  if (isPostgresUrl(options.url)) {
    const opened = await openPostgres({
      url: options.url,
      poolSize: options.postgresPoolSize ?? 2,
      connectTimeoutMs: options.connectTimeoutMs ?? 5000,
      busyTimeoutMs,
    })
    if (opened.isErr()) return Err(opened.error)
    const { pool } = opened.value
    db = opened.value.db
    dialect = "postgres"
    createWriter = () => createPostgresWriter({ pool, target, busyTimeoutMs })
    closeConnection = () => db.destroy()
  } else {
    const opened = openSqlite({ path: options.url, busyTimeoutMs })
    if (opened.isErr()) return Err(opened.error)
    const { raw } = opened.value
    db = opened.value.db
    dialect = "sqlite"
    createWriter = () =>
      createSqliteWriter({
        raw,
        target,
        busyTimeoutMs,
        checkpointIntervalMs: options.checkpointIntervalMs ?? 1000,
      })
    closeConnection = () => db.destroy()
  }

  const migrated = await migrateDatabase(db, { dialect, target, busyTimeoutMs })
  if (migrated.isErr()) {
    await closeConnection().catch(() => {})
    return Err(migrated.error)
  }

  let writer: BatchWriter
  try {
    writer = createWriter()
  } catch (cause) {
    await closeConnection().catch(() => {})
    return Err(new DatabaseWriteError({ target, operation: "prepare the recorder's statements", cause }))
  }
  const recorder = createRecorder(writer, options.recorder)
  const context: QueryContext = { db, dialect, target, busyTimeoutMs }
  let closing: Promise<Result<void, DatabaseErrorType>> | undefined

  return Ok({
    db,
    dialect,
    target,
    recorder,
    queries: createQueries(context),
    createRun: (parameters) => createRun(context, parameters),
    finishRun: (parameters) => finishRun(context, parameters),
    closeCrashedRuns: (parameters) => closeCrashedRuns(context, parameters),
    pendingRowsOfFinishedRuns: (parameters) => pendingRowsOfFinishedRuns(context, parameters),
    heartbeat: (runId) => heartbeatRun(context, { runId }),
    close() {
      closing ??= (async () => {
        const drained = await recorder.close()
        await writer.close()
        await closeConnection()
        return drained
      })()
      return closing
    },
  })
}
