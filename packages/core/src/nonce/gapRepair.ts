/**
 * The nonce gap scan a run makes once per head: lanes whose lowest submitted nonce waited too long
 * are logged, and a lane with nonces that never reached the chain (`missing`) is resynced so it
 * hands them out again (fillers). A `stuck` nonce is the tracker's to replace or drop.
 */
import type { NonceGap } from "./gap.js"
import type { NonceLane } from "./lane.js"

/**
 * The nonce manager as the gap scan uses it.
 *
 * @example
 * const nonces: GapScanNonces = createNonceManager({ fetchPendingNonce })
 */
export type GapScanNonces = {
  findGaps?(
    currentBlock: bigint,
    maxBlocksWaiting: number,
  ): readonly Pick<NonceGap, "lane" | "kind" | "expected" | "found">[]
  resync(lane: NonceLane): Promise<unknown>
}

/**
 * Scans for gaps at `head` and resyncs the lanes with missing nonces.
 *
 * @example
 * repairNonceGaps({ nonces, head, maxBlocksWaiting: 30, logger })
 */
export function repairNonceGaps(parameters: {
  nonces: GapScanNonces | undefined
  head: bigint
  maxBlocksWaiting: number
  logger: { warn(object: object, message?: string): void }
}): void {
  const { nonces, head, maxBlocksWaiting, logger } = parameters
  if (nonces?.findGaps === undefined) return
  for (const gap of nonces.findGaps(head, maxBlocksWaiting)) {
    logger.warn(
      {
        address: gap.lane.address,
        kind: gap.kind,
        expected: gap.expected.toString(),
        found: gap.found.toString(),
      },
      "nonce gap detected",
    )
    if (gap.kind === "missing") void nonces.resync(gap.lane)
  }
}
