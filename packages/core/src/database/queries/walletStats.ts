import type { DatabaseErrorType } from "../../errors/database.js"
import type { Result } from "../../result.js"
import { type QueryContext, runQuery } from "./context.js"
import { groupBy, percentile } from "./percentile.js"

/**
 * Activity of one wallet. `successes` counts `success` and `expected_failure` outcomes.
 *
 * @example
 * const stats: WalletStats = { wallet: "0x…", count: 10, successes: 9, successRate: 0.9,
 *   p50DurationMs: 800, p95DurationMs: 1200, lastActivity: 1700000000000 }
 */
export type WalletStats = {
  wallet: string
  count: number
  successes: number
  successRate: number
  p50DurationMs: number | undefined
  p95DurationMs: number | undefined
  lastActivity: number
}

/**
 * Per-wallet statistics, sorted by wallet. Percentiles are computed in JS over the durations
 * fetched in order, so SQLite and PostgreSQL agree exactly.
 *
 * @example
 * const stats = await walletStats(context, { runId })
 */
export function walletStats(
  context: QueryContext,
  filter: { runId?: string; wallet?: string } = {},
): Promise<Result<WalletStats[], DatabaseErrorType>> {
  return runQuery(context, "read wallet statistics", "task_metrics", async () => {
    let query = context.db
      .selectFrom("task_metrics")
      .select(["wallet_address", "status", "duration_ms", "timestamp"])
    if (filter.runId !== undefined) query = query.where("run_id", "=", filter.runId)
    if (filter.wallet !== undefined) query = query.where("wallet_address", "=", filter.wallet)
    const rows = await query.orderBy("wallet_address").orderBy("duration_ms").execute()
    const stats: WalletStats[] = []
    for (const [wallet, group] of groupBy(rows, (row) => row.wallet_address)) {
      const durations = group.map((row) => Number(row.duration_ms))
      const successes = group.filter(
        (row) => row.status === "success" || row.status === "expected_failure",
      ).length
      stats.push({
        wallet,
        count: group.length,
        successes,
        successRate: successes / group.length,
        p50DurationMs: percentile(durations, 50),
        p95DurationMs: percentile(durations, 95),
        // reduce, not Math.max(...array): a spread of 100k+ values overflows the stack.
        lastActivity: group.reduce((latest, row) => Math.max(latest, Number(row.timestamp)), 0),
      })
    }
    return stats
  })
}
