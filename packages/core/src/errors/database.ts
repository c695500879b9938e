import { BaseError } from "./base.js"

/**
 * Common parent of every database error, so callers can test `instanceof DatabaseError`
 * before looking at the concrete class. `target` is the file path or the database URL with
 * its password masked.
 *
 * @example
 * if (error instanceof DatabaseError) console.error(error.target, error.code)
 */
export class DatabaseError extends BaseError {
  override name: string = "DatabaseError"
  /** File path, ":memory:" or URL (password masked). */
  readonly target: string
  constructor(
    shortMessage: string,
    parameters: {
      code: string
      target: string
      cause?: unknown
      details?: string | undefined
      metaMessages?: readonly string[]
    },
  ) {
    const { target, details, ...rest } = parameters
    super(shortMessage, { ...rest, ...(details === undefined ? {} : { details }) })
    this.target = target
  }
}
/**
 * {@link DatabaseError} narrowed by name.
 *
 * @example
 * if (error.name === "DatabaseError") handle(error satisfies DatabaseErrorBaseType)
 */
export type DatabaseErrorBaseType = DatabaseError & { name: "DatabaseError" }

/**
 * The database could not be opened: unwritable path, a file that is not a SQLite database,
 * an unreachable or refusing PostgreSQL server.
 *
 * @example
 * const error = new DatabaseOpenError({ target: "./data/tempo.db", reason: "the file is not a SQLite database" })
 * error.code // "DATABASE_OPEN_FAILED"
 */
export class DatabaseOpenError extends DatabaseError {
  override name = "DatabaseOpenError" as const
  constructor(parameters: { target: string; reason: string; hint: string; cause?: unknown }) {
    super(`Could not open the database ${parameters.target}: ${parameters.reason}.`, {
      code: "DATABASE_OPEN_FAILED",
      target: parameters.target,
      cause: parameters.cause,
      details: causeText(parameters.cause),
      metaMessages: [parameters.hint],
    })
  }
}
/**
 * {@link DatabaseOpenError} narrowed by name.
 *
 * @example
 * if (error.name === "DatabaseOpenError") handle(error satisfies DatabaseOpenErrorType)
 */
export type DatabaseOpenErrorType = DatabaseOpenError & { name: "DatabaseOpenError" }

/**
 * A schema migration failed; the migration that failed was rolled back.
 *
 * @example
 * const error = new DatabaseMigrationError({ target: ":memory:", migration: "0001_initial" })
 * error.code // "DATABASE_MIGRATION_FAILED"
 */
export class DatabaseMigrationError extends DatabaseError {
  override name = "DatabaseMigrationError" as const
  readonly migration: string | undefined
  constructor(parameters: { target: string; migration?: string | undefined; cause?: unknown }) {
    const which = parameters.migration === undefined ? "" : ` ${parameters.migration}`
    super(`The database migration${which} failed on ${parameters.target}.`, {
      code: "DATABASE_MIGRATION_FAILED",
      target: parameters.target,
      cause: parameters.cause,
      details: causeText(parameters.cause),
      metaMessages: [
        "The failed migration was rolled back; the database is at the last successful version.",
        "Check that no other tool changed the tables, or point --db at a new file.",
      ],
    })
    this.migration = parameters.migration
  }
}
/**
 * {@link DatabaseMigrationError} narrowed by name.
 *
 * @example
 * if (error.name === "DatabaseMigrationError") handle(error satisfies DatabaseMigrationErrorType)
 */
export type DatabaseMigrationErrorType = DatabaseMigrationError & { name: "DatabaseMigrationError" }

/**
 * A write broke a constraint (duplicate primary key, NOT NULL …). Usually a bug in the caller.
 *
 * @example
 * const error = new DatabaseConstraintError({ target: ":memory:", table: "transactions" })
 * error.code // "DATABASE_CONSTRAINT_VIOLATION"
 */
export class DatabaseConstraintError extends DatabaseError {
  override name = "DatabaseConstraintError" as const
  readonly table: string
  constructor(parameters: { target: string; table: string; cause?: unknown }) {
    super(`A write to ${parameters.table} violated a constraint in ${parameters.target}.`, {
      code: "DATABASE_CONSTRAINT_VIOLATION",
      target: parameters.target,
      cause: parameters.cause,
      details: causeText(parameters.cause),
      metaMessages: ["The rows were kept in the recorder's dead-letter list (see recorder.stats())."],
    })
    this.table = parameters.table
  }
}
/**
 * {@link DatabaseConstraintError} narrowed by name.
 *
 * @example
 * if (error.name === "DatabaseConstraintError") handle(error satisfies DatabaseConstraintErrorType)
 */
export type DatabaseConstraintErrorType = DatabaseConstraintError & { name: "DatabaseConstraintError" }

/**
 * Another process holds a lock on the database for longer than the busy timeout.
 *
 * @example
 * const error = new DatabaseBusyError({ target: "./data/tempo.db", timeoutMs: 5000 })
 * error.code // "DATABASE_BUSY"
 */
export class DatabaseBusyError extends DatabaseError {
  override name = "DatabaseBusyError" as const
  readonly timeoutMs: number
  constructor(parameters: { target: string; timeoutMs: number; cause?: unknown }) {
    super(`The database ${parameters.target} is locked by another process.`, {
      code: "DATABASE_BUSY",
      target: parameters.target,
      cause: parameters.cause,
      details: `waited ${parameters.timeoutMs} ms (busy timeout)`,
      metaMessages: [
        "Stop the other process that uses this file (another run, a DB browser with an open write transaction),",
        "or give this run its own file with --db.",
      ],
    })
    this.timeoutMs = parameters.timeoutMs
  }
}
/**
 * {@link DatabaseBusyError} narrowed by name.
 *
 * @example
 * if (error.name === "DatabaseBusyError") handle(error satisfies DatabaseBusyErrorType)
 */
export type DatabaseBusyErrorType = DatabaseBusyError & { name: "DatabaseBusyError" }

/**
 * The database was written by a newer version of the tool (its schema version is higher than
 * this code knows). Opening it could corrupt it, so the tool refuses.
 *
 * @example
 * const error = new DatabaseSchemaTooNewError({ target: "./data/tempo.db", databaseVersion: 7, codeVersion: 3 })
 * error.code // "DATABASE_SCHEMA_TOO_NEW"
 */
export class DatabaseSchemaTooNewError extends DatabaseError {
  override name = "DatabaseSchemaTooNewError" as const
  readonly databaseVersion: number
  readonly codeVersion: number
  constructor(parameters: { target: string; databaseVersion: number; codeVersion: number }) {
    super(
      `The database ${parameters.target} has schema version ${parameters.databaseVersion}, newer than this tool's ${parameters.codeVersion}.`,
      {
        code: "DATABASE_SCHEMA_TOO_NEW",
        target: parameters.target,
        metaMessages: ["Upgrade the tool, or point --db at another file or database."],
      },
    )
    this.databaseVersion = parameters.databaseVersion
    this.codeVersion = parameters.codeVersion
  }
}
/**
 * {@link DatabaseSchemaTooNewError} narrowed by name.
 *
 * @example
 * if (error.name === "DatabaseSchemaTooNewError") handle(error satisfies DatabaseSchemaTooNewErrorType)
 */
export type DatabaseSchemaTooNewErrorType = DatabaseSchemaTooNewError & { name: "DatabaseSchemaTooNewError" }

/**
 * A write (journal, buffered flush, run bookkeeping) or a query failed for a reason other than
 * a constraint or a lock: disk full, I/O error, connection lost.
 *
 * @example
 * const error = new DatabaseWriteError({ target: ":memory:", operation: "flush of 500 task metrics" })
 * error.code // "DATABASE_WRITE_FAILED"
 */
export class DatabaseWriteError extends DatabaseError {
  override name = "DatabaseWriteError" as const
  readonly operation: string
  constructor(parameters: { target: string; operation: string; cause?: unknown }) {
    super(`The database operation "${parameters.operation}" failed on ${parameters.target}.`, {
      code: "DATABASE_WRITE_FAILED",
      target: parameters.target,
      cause: parameters.cause,
      details: causeText(parameters.cause),
      metaMessages: ["Check free disk space and that the database server is reachable."],
    })
    this.operation = parameters.operation
  }
}
/**
 * {@link DatabaseWriteError} narrowed by name.
 *
 * @example
 * if (error.name === "DatabaseWriteError") handle(error satisfies DatabaseWriteErrorType)
 */
export type DatabaseWriteErrorType = DatabaseWriteError & { name: "DatabaseWriteError" }

/**
 * Every error the database layer returns.
 *
 * @example
 * function describe(error: DatabaseErrorType) { return `${error.code}: ${error.shortMessage}` }
 */
export type DatabaseErrorType =
  | DatabaseOpenErrorType
  | DatabaseMigrationErrorType
  | DatabaseConstraintErrorType
  | DatabaseBusyErrorType
  | DatabaseSchemaTooNewErrorType
  | DatabaseWriteErrorType
  | DatabasePathErrorType

/** One line from a cause (never a stack). Driver messages do not contain passwords. */
function causeText(cause: unknown): string | undefined {
  if (cause === undefined || cause === null) return undefined
  const code = (cause as { code?: unknown }).code
  const message = cause instanceof Error ? cause.message : String(cause)
  const firstLine = message.split("\n")[0] ?? ""
  return typeof code === "string" && !firstLine.includes(code) ? `${code}: ${firstLine}` : firstLine
}

/**
 * A database path that cannot be used as given: its directory does not exist (only the default
 * location's directory is created) or a path component is a regular file. Bad input (exit 2).
 *
 * @example
 * new DatabasePathError({ target: "no/such/dir/x.db", reason: "its directory no/such/dir does not exist", hint: "Create it first." })
 */
export class DatabasePathError extends DatabaseError {
  override name = "DatabasePathError" as const
  constructor(parameters: { target: string; reason: string; hint: string }) {
    super(`Cannot use the database path ${parameters.target}: ${parameters.reason}.`, {
      code: "DATABASE_INVALID_PATH",
      target: parameters.target,
      metaMessages: [parameters.hint],
    })
  }
}
/**
 * {@link DatabasePathError} narrowed by name.
 *
 * @example
 * if (error.name === "DatabasePathError") handle(error satisfies DatabasePathErrorType)
 */
export type DatabasePathErrorType = DatabasePathError & { name: "DatabasePathError" }
