/**
 * One funder key may serve every shard of a campaign: funding rounds from the same funder on the
 * same chain run one at a time, across processes and machines, under a PostgreSQL session advisory
 * lock keyed by chain id + funder address. A shard that finds the lock taken waits, then re-reads
 * the funder's nonce and the balances (the holder's transactions are mined by then), so no two
 * shards sign the same nonce. Without PostgreSQL the lock only orders rounds inside this process
 * (SQLite campaigns across processes are refused by the CLI).
 */
import pg from "pg"
import { DatabaseOpenError, DatabaseWriteError } from "../errors/database.js"
import { maskUrl } from "../redaction/maskUrl.js"
import { Err, Ok, type Result } from "../result.js"
import { advisoryKey } from "./campaigns.js"
import { isPostgresUrl } from "./maskUrl.js"

/**
 * Errors of {@link FundingLock.hold}: the lock's connection could not be opened, or the wait was
 * aborted / the lock query failed.
 *
 * @example
 * function code(error: FundingLockError) { return error.code }
 */
export type FundingLockError = DatabaseOpenError | DatabaseWriteError

/**
 * Serialises funding rounds of one funder on one chain.
 *
 * @example
 * const funded = await lock.hold({ chainId, funder: funder.address }, () => fundWallets({ … }))
 */
export type FundingLock = {
  /** Where the lock lives: `"postgres"` (every process sharing the database) or `"process"`. */
  readonly scope: "postgres" | "process"
  /**
   * Runs `body` while holding the funder's lock; waits while another holder has it. `onWait` is
   * called once if the lock was taken when asked for.
   */
  hold<T>(
    owner: { chainId: number; funder: string },
    body: () => Promise<T>,
    options?: { signal?: AbortSignal; onWait?: () => void },
  ): Promise<Result<T, FundingLockError>>
}

/** How often a waiting shard asks again (a funding round lasts a few blocks). */
const pollIntervalMs = 150

/**
 * The funding lock for a database setting: a PostgreSQL advisory lock for a `postgres://` URL, an
 * in-process lock otherwise.
 *
 * @example
 * const lock = createFundingLock({ url: "postgres://testnet@db/testnet" })
 * await lock.hold({ chainId: 31337, funder }, async () => fund())
 */
export function createFundingLock(parameters: { url: string; connectTimeoutMs?: number }): FundingLock {
  return isPostgresUrl(parameters.url)
    ? postgresFundingLock(parameters.url, parameters.connectTimeoutMs ?? 5000)
    : processFundingLock()
}

function lockName(owner: { chainId: number; funder: string }): string {
  return `funding:${owner.chainId}:${owner.funder.toLowerCase()}`
}

function postgresFundingLock(url: string, connectTimeoutMs: number): FundingLock {
  const target = maskUrl(url)
  return {
    scope: "postgres",
    async hold(owner, body, options = {}) {
      // A session lock on a connection of its own: the run's pool keeps writing the journal, and
      // a process that dies releases the lock with its connection.
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: connectTimeoutMs })
      client.on("error", () => {})
      try {
        await client.connect()
      } catch (cause) {
        await client.end().catch(() => {})
        return Err(
          new DatabaseOpenError({
            target,
            reason: "the funding lock's connection failed",
            hint: "Check that PostgreSQL is reachable from every shard.",
            cause,
          }),
        )
      }
      const key = advisoryKey(lockName(owner))
      try {
        const acquired = await acquire(client, key, options)
        if (acquired !== undefined) return Err(new DatabaseWriteError({ target, ...acquired }))
        try {
          return Ok(await body())
        } finally {
          await client.query("select pg_advisory_unlock($1::bigint)", [key]).catch(() => {})
        }
      } finally {
        await client.end().catch(() => {})
      }
    },
  }
}

/** Polls until the lock is held (undefined) or the wait ends (what failed, for the error). */
async function acquire(
  client: pg.Client,
  key: string,
  options: { signal?: AbortSignal; onWait?: () => void },
): Promise<{ operation: string; cause: unknown } | undefined> {
  let waited = false
  for (;;) {
    try {
      const { rows } = await client.query<{ locked: boolean }>(
        "select pg_try_advisory_lock($1::bigint) as locked",
        [key],
      )
      if (rows[0]?.locked === true) return undefined
    } catch (cause) {
      return { operation: "take the funding lock", cause }
    }
    if (!waited) options.onWait?.()
    waited = true
    if (options.signal?.aborted === true)
      return { operation: "wait for the funding lock", cause: options.signal.reason }
    await new Promise((resolve) => setTimeout(resolve, pollIntervalMs + Math.random() * pollIntervalMs))
  }
}

function processFundingLock(): FundingLock {
  const tails = new Map<string, Promise<unknown>>()
  return {
    scope: "process",
    async hold(owner, body, options = {}) {
      const name = lockName(owner)
      const previous = tails.get(name)
      let release = () => {}
      const mine = new Promise<void>((resolve) => {
        release = resolve
      })
      const tail = (previous ?? Promise.resolve()).then(() => mine)
      tails.set(name, tail)
      if (previous !== undefined) {
        options.onWait?.()
        await previous
      }
      try {
        return Ok(await body())
      } finally {
        release()
        if (tails.get(name) === tail) tails.delete(name)
      }
    },
  }
}
