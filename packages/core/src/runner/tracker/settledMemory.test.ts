import { describe, expect, it } from "vitest"
import { createFakeChain } from "../../testing/runner/fakeChain.js"
import { createMemoryRecorder } from "../../testing/runner/memoryRecorder.js"
import type { RpcReceipt } from "../chainTypes.js"
import type { RunnerNonceLane } from "../ports.js"
import { createReceiptTracker } from "../receiptTracker.js"

// The tracker remembers only the last few settled outcomes (trackerState.ts, outcomeMemory): a
// task finds its own sends in its context, and a wait begun before settlement holds the promise.

const lane: RunnerNonceLane = {
  chainId: 1,
  address: "0x0000000000000000000000000000000000000001",
  nonceKey: 0n,
}
const hashOf = (index: number) => `0x${index.toString(16).padStart(64, "0")}`
const receiptOf = (hash: string): RpcReceipt => ({
  transactionHash: hash,
  blockNumber: "0x2",
  status: "0x1",
  gasUsed: "0x5208",
  effectiveGasPrice: "0x7",
  contractAddress: null,
  from: lane.address,
  to: null,
  logs: [{ address: lane.address, topics: [hashOf(7)], data: "0x01" }],
})

function settledTracker() {
  const tracker = createReceiptTracker({
    rpc: createFakeChain().rpc,
    recorder: createMemoryRecorder().recorder,
  })
  const settle = (index: number) => {
    const outcome = tracker.track({ hash: hashOf(index), lane, nonce: BigInt(index), taskName: "t" })
    tracker.settleWithReceipt(receiptOf(hashOf(index)))
    return outcome
  }
  return { tracker, settle }
}

describe("settled outcome memory", () => {
  it("forgets an old outcome, but a wait begun before settlement still gets its receipt", async () => {
    const { tracker, settle } = settledTracker()
    tracker.track({ hash: hashOf(1), lane, nonce: 1n, taskName: "t" })
    const waitBegunEarly = tracker.outcomeOf(hashOf(1))
    tracker.settleWithReceipt(receiptOf(hashOf(1)))
    for (let index = 2; index <= 1_001; index += 1) void settle(index)
    expect(tracker.outcomeOf(hashOf(1))).toBeUndefined()
    const outcome = await waitBegunEarly
    expect(outcome?.status === "included" && outcome.receipt.hash).toBe(hashOf(1))
    expect(outcome?.status === "included" && outcome.receipt.logs).toEqual([
      { address: lane.address, topics: [hashOf(7)], data: "0x01" },
    ])
  })

  it("still answers for a hash that settled just before it was asked about", async () => {
    const { tracker, settle } = settledTracker()
    for (let index = 1; index <= 1_000; index += 1) void settle(index)
    const latest = await tracker.outcomeOf(hashOf(1_000).toUpperCase().replace("0X", "0x"))
    expect(latest?.status).toBe("included")
    expect(tracker.pendingCount).toBe(0)
  })
})
