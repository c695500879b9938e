import type { DatabaseManager } from "@testnet/core/database"

/**
 * Inclusion latency of a run's journaled transactions: when the block observer first saw each
 * one in a block, minus the journal's `sent_at` (transactions it never saw are left out).
 *
 * @example
 * const latencies = await journalLatencies(database.db, runId, observer.seenAt)
 */
export async function journalLatencies(
  db: DatabaseManager["db"],
  runId: string,
  seenAt: ReadonlyMap<string, number>,
): Promise<number[]> {
  const rows = await db
    .selectFrom("transactions")
    .select(["hash", "sent_at"])
    .where("run_id", "=", runId)
    .execute()
  return rows.flatMap((row) => {
    const seen = seenAt.get(row.hash.toLowerCase())
    return seen === undefined ? [] : [seen - Number(row.sent_at)]
  })
}
