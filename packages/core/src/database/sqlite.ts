import { mkdirSync } from "node:fs"
import { dirname, resolve } from "node:path"
import Database from "better-sqlite3"
import { Kysely, SqliteAdapter, SqliteDialect } from "kysely"
import { DatabaseBusyError, DatabaseOpenError } from "../errors/database.js"
import { Err, Ok, type Result } from "../result.js"
import { getDriverErrorCode, isBusyError, nativeBindingFailure } from "./classifyError.js"
import type { DatabaseSchema } from "./schema.js"
import { withStatementCache } from "./statementCache.js"

/**
 * An open SQLite connection: the raw better-sqlite3 handle (used by the recorder's prepared
 * statements) and Kysely on the SAME connection (queries, migrations).
 *
 * @example
 * const { raw, db } = connection
 */
export type SqliteConnection = {
  raw: Database.Database
  db: Kysely<DatabaseSchema>
  path: string
}

/**
 * Options for {@link openSqlite}.
 *
 * @example
 * const options: SqliteOptions = { path: ":memory:", busyTimeoutMs: 5000 }
 */
export type SqliteOptions = {
  /** File path or ":memory:". Parent directories are created. */
  path: string
  /** How long a write waits for another process's lock before failing. */
  busyTimeoutMs: number
  /** WAL size above which the WAL file is truncated after a checkpoint (bytes). */
  journalSizeLimitBytes?: number
}

/**
 * Opens a SQLite database with the settings this tool relies on, explicitly:
 * `journal_mode=WAL`, `synchronous=NORMAL` (a fresh file switched to WAL otherwise stays
 * at FULL and fsyncs every commit, 10× slower), `busy_timeout`, `foreign_keys=ON`, and
 * `wal_autocheckpoint=0`: checkpoints are run by the writer between flushes, small and often,
 * so that no automatic checkpoint of ~4 MB blocks the event loop for 13–56 ms.
 *
 * @example
 * const opened = openSqlite({ path: "./data/tempo.db", busyTimeoutMs: 5000 })
 * if (opened.isOk()) opened.value.db.selectFrom("runs").selectAll().execute()
 */
export function openSqlite(
  options: SqliteOptions,
): Result<SqliteConnection, DatabaseOpenError | DatabaseBusyError> {
  const { path, busyTimeoutMs } = options
  const inMemory = path === ":memory:" || path === ""
  if (!inMemory) {
    try {
      mkdirSync(dirname(resolve(path)), { recursive: true })
    } catch (cause) {
      return Err(
        new DatabaseOpenError({
          target: path,
          reason: `its directory ${dirname(resolve(path))} cannot be created`,
          hint: "Choose a --db path in a writable directory (or fix the permissions).",
          cause,
        }),
      )
    }
  }

  let raw: Database.Database
  try {
    raw = new Database(path, { timeout: busyTimeoutMs })
  } catch (cause) {
    // better-sqlite3 loads its compiled binding on the first `new Database`: a missing binding
    // surfaces here and must not read as a path problem.
    const bindingFailure = nativeBindingFailure(cause)
    return Err(
      new DatabaseOpenError({
        target: path,
        reason: bindingFailure ?? "the file cannot be opened for writing",
        hint:
          bindingFailure === undefined
            ? "Check that the path is a writable file (not a directory) or choose another --db path."
            : "Then run the command again; the database path itself was not the problem.",
        cause,
      }),
    )
  }

  try {
    raw.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`)
    // The first statement that reads the file: fails with SQLITE_NOTADB on a foreign file and
    // with SQLITE_BUSY when another process holds an exclusive lock.
    raw.pragma("journal_mode = WAL")
    raw.pragma("synchronous = NORMAL")
    raw.pragma("foreign_keys = ON")
    raw.pragma("wal_autocheckpoint = 0")
    raw.pragma(`journal_size_limit = ${options.journalSizeLimitBytes ?? 64 * 1024 * 1024}`)
    // Forces a read of the schema, so corruption shows here rather than in the first query.
    raw.prepare("SELECT count(*) FROM sqlite_master").get()
  } catch (cause) {
    raw.close()
    return Err(classifyOpenError(cause, path, busyTimeoutMs))
  }

  const db = new Kysely<DatabaseSchema>({
    dialect: new TransactionalDdlSqliteDialect({ database: withStatementCache(raw) }),
  })
  return Ok({ raw, db, path })
}

/**
 * SQLite's DDL is transactional, but Kysely's SQLite adapter does not claim it, so its Migrator
 * would run migrations outside a transaction and a failing one would leave half a schema behind.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true
  }
}

class TransactionalDdlSqliteDialect extends SqliteDialect {
  override createAdapter() {
    return new TransactionalDdlSqliteAdapter()
  }
}

function classifyOpenError(cause: unknown, path: string, busyTimeoutMs: number) {
  if (isBusyError(cause)) return new DatabaseBusyError({ target: path, timeoutMs: busyTimeoutMs, cause })
  const code = getDriverErrorCode(cause) ?? ""
  if (code === "SQLITE_NOTADB" || code.startsWith("SQLITE_CORRUPT")) {
    return new DatabaseOpenError({
      target: path,
      reason: "the file is not a SQLite database (or is corrupted)",
      hint: "Move the file away (it may be another program's file) or point --db at a new path.",
      cause,
    })
  }
  return new DatabaseOpenError({
    target: path,
    reason: "the database cannot be read or written",
    hint: "Check the file's permissions and free disk space, or choose another --db path.",
    cause,
  })
}
