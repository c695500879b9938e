import { setFlagsFromString } from "node:v8"
import { runInNewContext } from "node:vm"
import { Ok } from "../result.js"
import type { NonceLane } from "./lane.js"
import { createNonceManager } from "./nonceManager.js"

/**
 * Measures the heap one lane costs (benchmark and test helper, not exported from the package):
 * `count` lanes, each with one transaction submitted and confirmed, so the lane holds its
 * in-flight structures. Addresses are created before the baseline (the caller holds them anyway)
 * and are upper-case hex, like checksummed ones, so the lower-case alias entry is counted too.
 *
 * @example
 * const bytes = await heapPerLane(100_000) // ≈ a few hundred bytes
 */
export async function heapPerLane(count: number): Promise<number> {
  setFlagsFromString("--expose-gc")
  const collect = runInNewContext("gc") as () => void
  const lanes: NonceLane[] = []
  for (let index = 0; index < count; index++) {
    lanes.push({
      chainId: 31337,
      address: `0xABCDEF${index.toString(16).toUpperCase().padStart(34, "0")}`,
      nonceKey: 0n,
    })
  }
  collect()
  const before = process.memoryUsage().heapUsed
  const manager = createNonceManager({ fetchPendingNonce: async () => Ok(0n) })
  for (const lane of lanes) {
    const reservation = (await manager.reserve(lane)).unwrap()
    reservation.markSubmitted(1n)
    manager.confirm(lane, reservation.nonce + 1n)
  }
  collect()
  const after = process.memoryUsage().heapUsed
  if (manager.size !== count) throw new Error(`expected ${count} lanes, found ${manager.size}`)
  return (after - before) / count
}
