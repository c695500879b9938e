import { bench, describe } from "vitest"
import { Ok } from "../result.js"
import { heapPerLane } from "./heapPerLane.js"
import type { NonceLane } from "./lane.js"
import { createNonceManager } from "./nonceManager.js"

// Micro-benchmarks of the hot path on an initialised lane. Run:
//   cd packages/core && npx vitest bench --run src/nonce
// Each bench iteration runs OPERATIONS operations, because tinybench times every iteration with
// performance.now() (~0.5 µs of overhead by itself): divide the reported mean by OPERATIONS for
// the cost of one operation. Results and the machine are recorded in docs/benchmarks/nonce.md.

const OPERATIONS = 1000

const lane: NonceLane = {
  chainId: 31337,
  address: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
  nonceKey: 0n,
}

async function initialisedManager() {
  const manager = createNonceManager({ fetchPendingNonce: async () => Ok(0n) })
  ;(await manager.reserve(lane)).unwrap().release()
  return manager
}

const submitManager = await initialisedManager()
const asyncManager = await initialisedManager()
const releaseManager = await initialisedManager()
const confirmManager = await initialisedManager()

/**
 * CPU time per operation (process.cpuUsage), which a busy shared box distorts far less than the
 * wall-clock figures above; printed next to tinybench's table.
 */
function cpuNanosecondsPerOperation(operations: number, run: () => void): number {
  run() // warm up
  const before = process.cpuUsage()
  for (let index = 0; index < operations / OPERATIONS; index++) run()
  const used = process.cpuUsage(before)
  return ((used.user + used.system) * 1000) / operations
}

{
  const cpuManager = await initialisedManager()
  const submitCpu = cpuNanosecondsPerOperation(1_000_000, () => {
    let last = 0n
    for (let index = 0; index < OPERATIONS; index++) {
      const reservation = cpuManager.reserveSync(lane)!
      reservation.markSubmitted(1n)
      last = reservation.nonce
    }
    cpuManager.confirm(lane, last + 1n)
  })
  const releaseCpu = cpuNanosecondsPerOperation(1_000_000, () => {
    for (let index = 0; index < OPERATIONS; index++) cpuManager.reserveSync(lane)!.release()
  })
  const bytes = await heapPerLane(100_000)
  console.log(
    `CPU time: reserveSync+markSubmitted ${submitCpu.toFixed(0)} ns/op, reserveSync+release ${releaseCpu.toFixed(0)} ns/op; heap per lane (100k lanes) ${bytes.toFixed(0)} bytes`,
  )
}

describe(`nonce manager hot path (${OPERATIONS} operations per iteration)`, () => {
  bench("reserveSync + markSubmitted, then one confirm", () => {
    let last = 0n
    for (let index = 0; index < OPERATIONS; index++) {
      const reservation = submitManager.reserveSync(lane)!
      reservation.markSubmitted(1n)
      last = reservation.nonce
    }
    // Receipts confirm once per block; this keeps the in-flight set at a realistic size.
    submitManager.confirm(lane, last + 1n)
  })

  bench("reserve (async API) + markSubmitted, then one confirm", async () => {
    let last = 0n
    for (let index = 0; index < OPERATIONS; index++) {
      const reservation = (await asyncManager.reserve(lane)).unwrap()
      reservation.markSubmitted(1n)
      last = reservation.nonce
    }
    asyncManager.confirm(lane, last + 1n)
  })

  bench("reserveSync + release", () => {
    for (let index = 0; index < OPERATIONS; index++) releaseManager.reserveSync(lane)!.release()
  })

  bench("confirm (one receipt each), after reserve + submit", () => {
    const first = confirmManager.reserveSync(lane)!
    first.markSubmitted(1n)
    for (let index = 1; index < OPERATIONS; index++) confirmManager.reserveSync(lane)!.markSubmitted(1n)
    for (let index = 1n; index <= BigInt(OPERATIONS); index++)
      confirmManager.confirm(lane, first.nonce + index)
  })
})
