/**
 * End-of-run reconciliation of the journal with the chain: for every worker wallet, the on-chain
 * nonce must be the journal's highest mined nonce + 1 (and, for fresh wallets, the number of mined
 * journal rows). One batch of eth_getTransactionCount, one query.
 */
import type { Kysely } from "kysely"
import type { DatabaseSchema } from "../database/schema.js"
import type { BaseError } from "../errors/base.js"
import { Ok, type Result } from "../result.js"
import type { RunnerRpc } from "./ports.js"

/**
 * A wallet whose chain state and journal disagree.
 *
 * @example
 * console.log(`${mismatch.address}: chain ${mismatch.onChainNonce}, journal ${mismatch.journalNextNonce}`)
 */
export type ReconciliationMismatch = {
  address: string
  onChainNonce: bigint
  journalNextNonce: bigint
  journalMined: number
}

/**
 * Result of {@link reconcileJournal}.
 *
 * @example
 * if (report.mismatches.length > 0) logger.warn({ mismatches: report.mismatches.length }, "journal and chain disagree")
 */
export type ReconciliationReport = {
  wallets: number
  minedInJournal: number
  mismatches: ReconciliationMismatch[]
}

/**
 * Compares each wallet's on-chain nonce with the journal of one run (protocol nonce lane).
 *
 * @example
 * const report = await reconcileJournal({ rpc, db: database.db, runId, addresses, freshWallets: true })
 */
export async function reconcileJournal(parameters: {
  rpc: RunnerRpc
  db: Kysely<DatabaseSchema>
  runId: string
  addresses: readonly string[]
  /** The wallets had nonce 0 before the run: the mined count must equal the on-chain nonce too. */
  freshWallets: boolean
}): Promise<Result<ReconciliationReport, BaseError>> {
  const { rpc, db, runId, addresses } = parameters
  const counts = await Promise.all(
    addresses.map((address) => rpc.request<string>("eth_getTransactionCount", [address, "latest"])),
  )
  const rows = await db
    .selectFrom("transactions")
    .select(["wallet", "nonce", "status", "error_code"])
    .where("run_id", "=", runId)
    .where("nonce_key", "=", "0")
    .execute()
  const mined = new Map<string, { count: number; next: bigint }>()
  for (const row of rows) {
    const wasMined = row.status === "included" || (row.status === "failed" && row.error_code === "REVERTED")
    if (!wasMined) continue
    const key = row.wallet.toLowerCase()
    const entry = mined.get(key) ?? { count: 0, next: 0n }
    entry.count += 1
    const next = BigInt(row.nonce) + 1n
    if (next > entry.next) entry.next = next
    mined.set(key, entry)
  }
  const mismatches: ReconciliationMismatch[] = []
  let minedInJournal = 0
  for (const [index, address] of addresses.entries()) {
    const count = counts[index]
    if (count === undefined || count.isErr())
      return count ?? Ok({ wallets: 0, minedInJournal: 0, mismatches: [] })
    const onChainNonce = BigInt(count.value)
    const journal = mined.get(address.toLowerCase()) ?? { count: 0, next: 0n }
    minedInJournal += journal.count
    const nonceMatches =
      journal.count === 0 ? !parameters.freshWallets || onChainNonce === 0n : onChainNonce === journal.next
    const countMatches = !parameters.freshWallets || BigInt(journal.count) === onChainNonce
    if (!nonceMatches || !countMatches)
      mismatches.push({ address, onChainNonce, journalNextNonce: journal.next, journalMined: journal.count })
  }
  return Ok({ wallets: addresses.length, minedInJournal, mismatches })
}
