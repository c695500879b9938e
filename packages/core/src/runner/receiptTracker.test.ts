import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import { Ok } from "../result.js"
import { createFakeChain } from "../testing/runner/fakeChain.js"
import { createMemoryRecorder } from "../testing/runner/memoryRecorder.js"
import type { RunnerNonceLane, RunnerNonceManager } from "./ports.js"
import { createReceiptTracker } from "./receiptTracker.js"
import { createTimerClock } from "./scheduling/clock.js"

const lane: RunnerNonceLane = {
  chainId: 1,
  address: "0x0000000000000000000000000000000000000001",
  nonceKey: 0n,
}
const hashA = `0x${"a".repeat(64)}`
const hashB = `0x${"b".repeat(64)}`

function setup(options: { blockReceipts?: boolean; dropAfterBlocks?: number } = {}) {
  const chain = createFakeChain(options)
  const { recorder, updates } = createMemoryRecorder()
  const confirmed: bigint[] = []
  const resyncs: string[] = []
  const nonces: RunnerNonceManager = {
    reserve: async () => {
      throw new Error("not used")
    },
    confirm: (_lane, next) => confirmed.push(next),
    resync: async (resynced) => {
      resyncs.push(resynced.address)
      return Ok(0n)
    },
  }
  const fees: bigint[] = []
  const tracker = createReceiptTracker({
    rpc: chain.rpc,
    recorder,
    nonces,
    gas: {
      updateFromBlock: (block) => fees.push(block.baseFeePerGas ?? -1n),
      currentFees: () => Ok({ gasPrice: 1n }),
    },
    clock: createTimerClock(),
    pollIntervalMs: 200,
    dropAfterBlocks: options.dropAfterBlocks ?? 30,
    dropAfterMs: 600_000,
  })
  return { chain, tracker, updates, confirmed, resyncs, fees }
}

describe("receipt tracker", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it("settles from one eth_getBlockReceipts per block that holds a tracked hash", async () => {
    const { chain, tracker, updates, confirmed, fees } = setup()
    await tracker.start()
    const outcomeA = tracker.track({ hash: hashA, lane, nonce: 0n, taskName: "t" })
    const outcomeB = tracker.track({ hash: hashB, lane, nonce: 1n, taskName: "t" })
    chain.mine([]) // empty block: header only
    await vi.advanceTimersByTimeAsync(250)
    expect(chain.count("eth_getBlockReceipts")).toBe(0)
    chain.mine([hashA, hashB], [hashB])
    await vi.advanceTimersByTimeAsync(250)
    expect((await outcomeA).status).toBe("included")
    expect((await outcomeB).status).toBe("reverted")
    expect(chain.count("eth_getBlockReceipts")).toBe(1)
    expect(chain.count("eth_getTransactionReceipt")).toBe(0)
    expect(updates.map((update) => [update.status, update.includedBlock, update.errorCode])).toEqual([
      ["included", 3n, undefined],
      ["failed", 3n, "REVERTED"],
    ])
    // The block's own time, and the (wall-clock) time the run observed it.
    expect(updates[0]?.blockTimestamp).toBe((1_700_000_000 + 3) * 1000)
    expect(updates[0]?.includedAt).toBeLessThanOrEqual(Date.now())
    expect(confirmed).toEqual([1n, 2n])
    // Fees fed once per block (blocks 1, 2, 3), never per transaction.
    expect(fees).toEqual([7n, 7n, 7n])
    expect(tracker.pendingCount).toBe(0)
    tracker.stop()
  })

  it("falls back to per-transaction receipts for tracked hashes only when the method is missing", async () => {
    const { chain, tracker } = setup({ blockReceipts: false })
    await tracker.start()
    const outcome = tracker.track({ hash: hashA, lane, nonce: 0n, taskName: "t" })
    chain.mine([hashA, `0x${"c".repeat(64)}`, `0x${"d".repeat(64)}`])
    await vi.advanceTimersByTimeAsync(250)
    expect((await outcome).status).toBe("included")
    chain.mine([hashB])
    tracker.track({ hash: hashB, lane, nonce: 1n, taskName: "t" })
    await vi.advanceTimersByTimeAsync(250)
    // Tried once, then never again; one receipt call per tracked hash.
    expect(chain.count("eth_getBlockReceipts")).toBe(1)
    expect(chain.count("eth_getTransactionReceipt")).toBe(2)
    tracker.stop()
  })

  it("re-broadcasts once at the deadline, then marks dropped, resyncs, and corrects a late landing", async () => {
    const { chain, tracker, updates, resyncs } = setup({ dropAfterBlocks: 2 })
    await tracker.start()
    const outcome = tracker.track({ hash: hashA, lane, nonce: 0n, taskName: "t", raw: "0x01" })
    for (let block = 0; block < 3; block += 1) {
      chain.mine()
      await vi.advanceTimersByTimeAsync(250)
    }
    expect(chain.count("eth_sendRawTransaction")).toBe(1)
    expect(tracker.pendingCount).toBe(1)
    for (let block = 0; block < 3; block += 1) {
      chain.mine()
      await vi.advanceTimersByTimeAsync(250)
    }
    const settled = await outcome
    expect(settled.status).toBe("dropped")
    expect(settled.status === "dropped" && settled.error.code).toBe("RUNNER_RECEIPT_DEADLINE")
    expect(resyncs).toEqual([lane.address])
    expect(updates.at(-1)).toEqual({ hash: hashA, status: "dropped", errorCode: "RUNNER_RECEIPT_DEADLINE" })
    // It lands after all: the journal is corrected.
    chain.mine([hashA])
    await vi.advanceTimersByTimeAsync(250)
    expect(updates.at(-1)?.status).toBe("included")
    tracker.stop()
  })

  it("stops waiting for receipts early when the node is gone", async () => {
    const { chain, tracker } = setup()
    await tracker.start()
    void tracker.track({ hash: hashA, lane, nonce: 0n, taskName: "t" })
    const waiting = tracker.waitForSettled(30_000)
    chain.goDown()
    await vi.advanceTimersByTimeAsync(12 * 250)
    expect(await waiting).toBe(false)
    expect(await tracker.waitForSettled(30_000)).toBe(false)
    tracker.stop()
  })
})
