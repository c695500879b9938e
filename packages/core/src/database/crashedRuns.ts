/**
 * What a crashed process leaves behind: a run still `running` and journal rows still `pending`.
 * These queries find them so a later start can close the run and reconcile the rows.
 */
import { hostname } from "node:os"
import type { DatabaseErrorType } from "../errors/database.js"
import type { Result } from "../result.js"
import { type QueryContext, runQuery } from "./queries/context.js"

/**
 * A run that was closed as `crashed`.
 *
 * @example
 * for (const run of closed) console.log(`${run.id} started ${new Date(run.startedAt).toISOString()}`)
 */
export type CrashedRun = { id: string; startedAt: number; endedAt: number }

/** True when a process with this id exists on this machine (EPERM: it exists, owned by another user). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as { code?: string }).code === "EPERM"
  }
}

/**
 * Closes the runs of a chain that are `running` but whose process is gone: on this host, the
 * recorded process no longer exists; anywhere, no heartbeat for `staleAfterMs` (a run on another
 * machine sharing a PostgreSQL database stays open while it beats). The end time is the last
 * heartbeat (the start when there was none).
 *
 * @example
 * const closed = await closeCrashedRuns(context, { chainId: 42431 })
 * if (closed.isOk()) logger.info({ crashed: closed.value.length }, "closed crashed runs")
 */
export function closeCrashedRuns(
  context: QueryContext,
  parameters: {
    chainId: number
    /** This machine (default: the host name). */
    host?: string
    now?: number
    /** A run without a heartbeat this long is crashed wherever it ran (default 5 minutes). */
    staleAfterMs?: number
    isProcessAlive?: (pid: number) => boolean
  },
): Promise<Result<CrashedRun[], DatabaseErrorType>> {
  const host = parameters.host ?? hostname()
  const now = parameters.now ?? Date.now()
  const staleAfterMs = parameters.staleAfterMs ?? 5 * 60_000
  const alive = parameters.isProcessAlive ?? processAlive
  return runQuery(context, "close crashed runs", "runs", async () => {
    const running = await context.db
      .selectFrom("runs")
      .select(["id", "host", "pid", "started_at", "heartbeat_at"])
      .where("chain_id", "=", parameters.chainId)
      .where("status", "=", "running")
      .execute()
    const closed: CrashedRun[] = []
    for (const run of running) {
      const startedAt = Number(run.started_at)
      const lastSign = run.heartbeat_at === null ? startedAt : Number(run.heartbeat_at)
      const pid = run.pid === null ? undefined : Number(run.pid)
      const sameHost = run.host === host
      const gone =
        now - lastSign > staleAfterMs ||
        (sameHost && (pid === undefined || (pid !== process.pid && !alive(pid))))
      if (!gone) continue
      await context.db
        .updateTable("runs")
        .set({ status: "crashed", ended_at: lastSign })
        .where("id", "=", run.id)
        .where("status", "=", "running")
        .execute()
      closed.push({ id: run.id, startedAt, endedAt: lastSign })
    }
    return closed
  })
}

/**
 * A journal row left `pending` by an earlier run.
 *
 * @example
 * const row: PendingRow = { hash: "0x…", runId: "r", wallet: "0x…", nonceKey: "0", nonce: 7n }
 */
export type PendingRow = { hash: string; runId: string; wallet: string; nonceKey: string; nonce: bigint }

/**
 * Rows still `pending` in the finished (or crashed) runs of a chain, newest runs first, at most
 * `limit` (the rest waits for the next start). Each run is read through the (run, status) index.
 *
 * @example
 * const rows = await pendingRowsOfFinishedRuns(context, { chainId: 42431, excludeRunId: runId })
 */
export function pendingRowsOfFinishedRuns(
  context: QueryContext,
  parameters: { chainId: number; excludeRunId?: string; limit?: number },
): Promise<Result<PendingRow[], DatabaseErrorType>> {
  const limit = parameters.limit ?? 20_000
  return runQuery(context, "read pending rows of earlier runs", "transactions", async () => {
    const runs = await context.db
      .selectFrom("runs")
      .select("id")
      .where("chain_id", "=", parameters.chainId)
      .where("status", "!=", "running")
      .orderBy("started_at", "desc")
      .execute()
    const rows: PendingRow[] = []
    for (const run of runs) {
      if (run.id === parameters.excludeRunId || rows.length >= limit) continue
      const pending = await context.db
        .selectFrom("transactions")
        .select(["hash", "run_id", "wallet", "nonce_key", "nonce"])
        .where("run_id", "=", run.id)
        .where("status", "=", "pending")
        .limit(limit - rows.length)
        .execute()
      for (const row of pending)
        rows.push({
          hash: row.hash,
          runId: row.run_id,
          wallet: row.wallet,
          nonceKey: row.nonce_key,
          nonce: BigInt(row.nonce),
        })
    }
    return rows
  })
}

/**
 * Records that a run is alive (so another start does not close it as crashed).
 *
 * @example
 * setInterval(() => void heartbeatRun(context, { runId }), 10_000).unref()
 */
export function heartbeatRun(
  context: QueryContext,
  parameters: { runId: string; at?: number },
): Promise<Result<void, DatabaseErrorType>> {
  return runQuery(context, "record a run's heartbeat", "runs", async () => {
    await context.db
      .updateTable("runs")
      .set({ heartbeat_at: parameters.at ?? Date.now() })
      .where("id", "=", parameters.runId)
      .execute()
  })
}
