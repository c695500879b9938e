import {
  DatabaseBusyError,
  DatabaseConstraintError,
  type DatabaseErrorType,
  DatabaseWriteError,
} from "../errors/database.js"

/**
 * Driver error code: better-sqlite3 uses `SQLITE_*` strings, pg uses SQLSTATE codes
 * (`23505` …), Node uses `ECONNREFUSED` ….
 *
 * @example
 * getDriverErrorCode(Object.assign(new Error("x"), { code: "SQLITE_BUSY" })) // "SQLITE_BUSY"
 */
export function getDriverErrorCode(cause: unknown): string | undefined {
  const code = (cause as { code?: unknown } | null | undefined)?.code
  return typeof code === "string" ? code : undefined
}

/**
 * True for "another process holds the lock" errors on either engine.
 *
 * @example
 * isBusyError(Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" })) // true
 */
export function isBusyError(cause: unknown): boolean {
  const code = getDriverErrorCode(cause) ?? ""
  return (
    code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED") || code === "55P03" || code === "40P01"
  )
}

/**
 * True for constraint violations (primary key, unique, NOT NULL, check) on either engine.
 *
 * @example
 * isConstraintError(Object.assign(new Error("dup"), { code: "23505" })) // true
 */
export function isConstraintError(cause: unknown): boolean {
  const code = getDriverErrorCode(cause) ?? ""
  return code.startsWith("SQLITE_CONSTRAINT") || /^23\d{3}$/.test(code)
}

/**
 * Maps a driver error raised by a write or query to the matching database error class.
 *
 * @example
 * const error = classifyWriteError(caught, { target: ":memory:", operation: "journal 100 transactions", table: "transactions", busyTimeoutMs: 5000 })
 */
export function classifyWriteError(
  cause: unknown,
  context: { target: string; operation: string; table: string; busyTimeoutMs: number },
): DatabaseErrorType {
  if (isConstraintError(cause))
    return new DatabaseConstraintError({ target: context.target, table: context.table, cause })
  if (isBusyError(cause)) {
    return new DatabaseBusyError({ target: context.target, timeoutMs: context.busyTimeoutMs, cause })
  }
  return new DatabaseWriteError({ target: context.target, operation: context.operation, cause })
}

/**
 * When better-sqlite3 failed to load its compiled binding (rather than to open a file): the
 * reason to show, in one line, with the fix. pnpm 10 skips dependencies' install scripts unless
 * the consumer allows them, so the binding is never built; a binding built for another Node.js
 * version fails the same way and needs a rebuild. Undefined for any other error.
 *
 * @example
 * nativeBindingFailure(new Error("Could not locate the bindings file. Tried: …"))
 * // 'the native module better-sqlite3 is not built (pnpm 10 skips install scripts): add …'
 */
export function nativeBindingFailure(cause: unknown): string | undefined {
  const message = cause instanceof Error ? cause.message : String(cause)
  if (message.includes("Could not locate the bindings file"))
    return (
      'the native module better-sqlite3 is not built (pnpm 10 skips install scripts): add "pnpm": { "onlyBuiltDependencies": ["better-sqlite3"] } ' +
      "to your package.json and reinstall (pnpm install), or with npm run npm rebuild better-sqlite3"
    )
  if (message.includes("NODE_MODULE_VERSION") || getDriverErrorCode(cause) === "ERR_DLOPEN_FAILED")
    return `the native module better-sqlite3 was built for another Node.js version (${process.version} here): run npm rebuild better-sqlite3 (pnpm: pnpm rebuild better-sqlite3)`
  return undefined
}
