import { Kysely, PostgresDialect } from "kysely"
import pg from "pg"
import { DatabaseOpenError } from "../errors/database.js"
import { maskUrl } from "../redaction/maskUrl.js"
import { Err, Ok, type Result } from "../result.js"
import { getDriverErrorCode } from "./classifyError.js"
import type { DatabaseSchema } from "./schema.js"

/**
 * An open PostgreSQL pool and Kysely on top of it.
 *
 * @example
 * const { pool, db } = connection
 */
export type PostgresConnection = {
  pool: pg.Pool
  db: Kysely<DatabaseSchema>
  /** The URL with its password masked. */
  target: string
}

/**
 * Options for {@link openPostgres}.
 *
 * @example
 * const options: PostgresOptions = { url: "postgres://testnet@127.0.0.1:5432/testnet", poolSize: 2, connectTimeoutMs: 5000 }
 */
export type PostgresOptions = {
  url: string
  /** Connections in the pool: one for the recorder's flushes, one for queries. */
  poolSize: number
  connectTimeoutMs: number
  /** Lock wait limit for statements (PostgreSQL `lock_timeout`). */
  busyTimeoutMs?: number
}

const INT8_OID = 20

/**
 * Parse `bigint` (int8) columns — timestamps in ms, block numbers, `count(*)` — as JS numbers,
 * like SQLite returns them, instead of pg's default strings. Values stay below 2^53.
 * Scoped to this pool: the global `pg.types` is left alone.
 */
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8_OID && format !== "binary"
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format ?? "text")) as typeof pg.types.getTypeParser,
}

/**
 * Connects to PostgreSQL and checks the connection with one query, so an unreachable server,
 * wrong password or missing database is reported at open time.
 *
 * @example
 * const opened = await openPostgres({ url: process.env.DATABASE_URL!, poolSize: 2, connectTimeoutMs: 5000 })
 */
export async function openPostgres(
  options: PostgresOptions,
): Promise<Result<PostgresConnection, DatabaseOpenError>> {
  const target = maskUrl(options.url)
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    connectionTimeoutMillis: options.connectTimeoutMs,
    types,
    ...(options.busyTimeoutMs === undefined ? {} : { lock_timeout: options.busyTimeoutMs }),
  })
  // An idle client losing its connection emits on the pool; without a listener Node would crash.
  pool.on("error", () => {})
  try {
    await pool.query("SELECT 1")
  } catch (cause) {
    await pool.end().catch(() => {})
    return Err(classifyConnectError(cause, target))
  }
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) })
  return Ok({ pool, db, target })
}

function classifyConnectError(cause: unknown, target: string): DatabaseOpenError {
  const code = getDriverErrorCode(cause) ?? ""
  const message = cause instanceof Error ? cause.message : String(cause)
  if (code === "28P01" || code === "28000") {
    return new DatabaseOpenError({
      target,
      reason: "the server refused the credentials",
      hint: "Check the user and password in the postgres:// URL (or PGPASSWORD).",
      cause,
    })
  }
  if (code === "3D000") {
    return new DatabaseOpenError({
      target,
      reason: "the database does not exist",
      hint: "Create it first (e.g. `createdb NAME`), or fix the database name in the URL.",
      cause,
    })
  }
  if (
    ["ECONNREFUSED", "ENOTFOUND", "ETIMEDOUT", "EHOSTUNREACH", "ECONNRESET"].includes(code) ||
    /timeout/i.test(message)
  ) {
    return new DatabaseOpenError({
      target,
      reason: "the server is unreachable",
      hint: "Check that PostgreSQL runs and listens on that host and port, and that no firewall blocks it.",
      cause,
    })
  }
  return new DatabaseOpenError({
    target,
    reason: "the connection failed",
    hint: "Check the postgres:// URL (host, port, user, database) and the server's log.",
    cause,
  })
}
