import type { Kysely } from "kysely"
import type { DatabaseErrorType } from "../../errors/database.js"
import { Err, Ok, type Result } from "../../result.js"
import { classifyWriteError } from "../classifyError.js"
import type { DatabaseDialect } from "../migrations.js"
import type { DatabaseSchema } from "../schema.js"

/**
 * What every query needs: the Kysely instance and names for error messages.
 *
 * @example
 * const context: QueryContext = { db, dialect: "sqlite", target: ":memory:", busyTimeoutMs: 5000 }
 */
export type QueryContext = {
  db: Kysely<DatabaseSchema>
  dialect: DatabaseDialect
  target: string
  busyTimeoutMs: number
}

/**
 * Runs a read or write and turns a driver failure into a {@link DatabaseErrorType}.
 *
 * @example
 * return runQuery(context, "read runs", "runs", () => context.db.selectFrom("runs").selectAll().execute())
 */
export async function runQuery<T>(
  context: QueryContext,
  operation: string,
  table: string,
  run: () => Promise<T>,
): Promise<Result<T, DatabaseErrorType>> {
  try {
    return Ok(await run())
  } catch (cause) {
    return Err(
      classifyWriteError(cause, {
        target: context.target,
        operation,
        table,
        busyTimeoutMs: context.busyTimeoutMs,
      }),
    )
  }
}

/**
 * Parses a stored JSON column; a broken value becomes `{}` rather than failing a whole query.
 *
 * @example
 * parseJsonObject('{"a":1}') // { a: 1 }
 */
export function parseJsonObject(text: string | null | undefined): Record<string, unknown> {
  if (text === null || text === undefined || text === "") return {}
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {}
  } catch {
    return {}
  }
}
