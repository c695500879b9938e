import { randomBytes } from "node:crypto"
import { keccak256, toUtf8Bytes } from "ethers"

/** Keys per wallet and run: parallel lanes, bounded lane bookkeeping (64 lanes a wallet at most). */
export const runNonceKeyCount = 64

/** Drawn once per process: two processes that reuse a run id still draw different keys. */
const processSalt = randomBytes(16).toString("hex")

/** The base of each run's key range, by run id. Bounded. */
const bases = new Map<string, bigint>()
const basesLimit = 100

/**
 * The nonce keys a run may use for parallel lanes: `runNonceKeyCount` keys under a random 184-bit
 * prefix drawn for this run (from its run id, itself a random UUID, and a per-process salt), so
 * the lanes are new on chain and start at nonce 0. The run's sends say so (`freshNonceKey`): the
 * pipeline then reads no lane before its first send. Keys stay below 2^192 and are never 0 or the
 * expiring-nonce key (2^256−1).
 *
 * @example
 * const keys = runNonceKeys(context.runId) // 64 keys, the same for every task of the run
 */
export function runNonceKeys(runId: string): readonly bigint[] {
  let base = bases.get(runId)
  if (base === undefined) {
    const digest = BigInt(keccak256(toUtf8Bytes(`tempo nonce keys:${processSalt}:${runId}`)))
    base = (digest >> 72n) << 8n
    if (bases.size >= basesLimit) bases.clear()
    bases.set(runId, base)
  }
  const start = base
  return Array.from({ length: runNonceKeyCount }, (_, index) => start | BigInt(index + 1))
}
