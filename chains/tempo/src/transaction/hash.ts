import { keccak256 } from "ethers"

/**
 * The transaction hash of a signed, serialized Tempo transaction: `keccak256(raw)`, the value
 * `eth_sendRawTransaction` returns. Computed locally, so the journal knows it before broadcast.
 *
 * @example
 * const raw = signTempoTransaction(fields, signDigest)
 * journal.record(tempoTransactionHash(raw))
 */
export function tempoTransactionHash(signed: string): string {
  return keccak256(signed)
}
