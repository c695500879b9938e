import type { ReportMetricRow, ReportTransactionRow } from "./loadRunRows.js"
import { isTaskSuccess } from "./taskTable.js"
import type { ReportWalletRow } from "./types.js"

type Tally = Omit<ReportWalletRow, "successRate" | "gasUsed"> & { gas: bigint }

/**
 * Per-wallet activity: the `limit` busiest wallets (by tasks, then transactions, then address),
 * plus how many wallets were active at all.
 *
 * @example
 * const { total, top } = buildWalletTable(rows, 20)
 */
export function buildWalletTable(
  rows: { transactions: readonly ReportTransactionRow[]; metrics: readonly ReportMetricRow[] },
  limit: number,
): { total: number; top: ReportWalletRow[] } {
  const wallets = new Map<string, Tally>()
  const tallyOf = (wallet: string): Tally => {
    let tally = wallets.get(wallet)
    if (tally === undefined) {
      tally = { wallet, tasks: 0, successes: 0, transactions: 0, included: 0, gas: 0n, lastActivity: null }
      wallets.set(wallet, tally)
    }
    return tally
  }
  const touch = (tally: Tally, timeMs: number) => {
    tally.lastActivity = Math.max(tally.lastActivity ?? 0, timeMs)
  }
  for (const metric of rows.metrics) {
    const tally = tallyOf(metric.wallet)
    tally.tasks += 1
    if (isTaskSuccess(metric)) tally.successes += 1
    touch(tally, metric.timestamp)
  }
  for (const row of rows.transactions) {
    const tally = tallyOf(row.wallet)
    tally.transactions += 1
    if (row.status === "included") tally.included += 1
    tally.gas += row.gasUsed ?? 0n
    touch(tally, row.includedAt ?? row.sentAt)
  }
  const top = [...wallets.values()]
    .sort(
      (left, right) =>
        right.tasks - left.tasks ||
        right.transactions - left.transactions ||
        left.wallet.localeCompare(right.wallet),
    )
    .slice(0, limit)
    .map(({ gas, ...tally }) => ({
      ...tally,
      successRate: tally.tasks === 0 ? 0 : tally.successes / tally.tasks,
      gasUsed: gas.toString(),
    }))
  return { total: wallets.size, top }
}
