import type { JournalRow } from "../../database/rows.js"

/**
 * The `sequence`-th synthetic journal row of the database benchmarks: a unique hash, one of 1 000
 * wallets, nonce = sequence.
 *
 * @example
 * const rows = Array.from({ length: 100 }, (_, index) => benchJournalRow(index + 1))
 */
export function benchJournalRow(sequence: number): JournalRow {
  return {
    hash: `0x${(sequence * 2654435761).toString(16).padStart(64, "0")}`,
    runId: "bench-run",
    chainId: 1337,
    wallet: `0x${(sequence % 1000).toString(16).padStart(40, "0")}`,
    nonceKey: 0n,
    nonce: BigInt(sequence),
    task: "transfer",
    sentAt: Date.now(),
  }
}
