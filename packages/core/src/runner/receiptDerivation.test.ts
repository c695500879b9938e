import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import { createFakeChain } from "../testing/runner/fakeChain.js"
import { createMemoryRecorder } from "../testing/runner/memoryRecorder.js"
import type { RunnerNonceLane } from "./ports.js"
import { effectiveGasPrice } from "./receiptDerivation.js"
import { createReceiptTracker } from "./receiptTracker.js"
import { createTimerClock } from "./scheduling/clock.js"

const lane: RunnerNonceLane = {
  chainId: 1,
  address: "0x0000000000000000000000000000000000000001",
  nonceKey: 0n,
}
const sink = "0x000000000000000000000000000000000000dead"
const fees = { maxFeePerGas: 100n, maxPriorityFeePerGas: 2n }
const hash = (index: number) => `0x${index.toString(16).padStart(64, "0")}`
/** Hashes of other senders' transactions: they make a block large without being ours. */
const foreign = (count: number) => Array.from({ length: count }, (_, index) => hash(1_000 + index))

function setup(options: { derive?: boolean; verifyEveryMs?: number } = {}) {
  const chain = createFakeChain()
  const { recorder, updates } = createMemoryRecorder()
  const tracker = createReceiptTracker({
    rpc: chain.rpc,
    recorder,
    clock: createTimerClock(),
    pollIntervalMs: 200,
    ...(options.derive === undefined ? {} : { deriveTransferReceipts: options.derive }),
    ...(options.verifyEveryMs === undefined ? {} : { verifyRecipientEveryMs: options.verifyEveryMs }),
  })
  const track = (index: number, to = sink) =>
    tracker.track({
      hash: hash(index),
      lane,
      nonce: BigInt(index),
      taskName: "transfer",
      plainTransfer: { to, fees },
    })
  const receiptCalls = () => chain.count("eth_getTransactionReceipt") + chain.count("eth_getBlockReceipts")
  return { chain, tracker, updates, track, receiptCalls }
}

describe("receipts derived from the block", () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] }))
  afterEach(() => vi.useRealTimers())

  it("computes the effective gas price like the node", () => {
    expect(effectiveGasPrice({ maxFeePerGas: 10n, maxPriorityFeePerGas: 2n }, 7n)).toBe(9n)
    expect(effectiveGasPrice({ maxFeePerGas: 8n, maxPriorityFeePerGas: 2n }, 7n)).toBe(8n)
    expect(effectiveGasPrice({ gasPrice: 5n }, null)).toBe(5n)
    expect(effectiveGasPrice({ maxFeePerGas: 8n, maxPriorityFeePerGas: 2n }, null)).toBeUndefined()
  })

  it("reads the receipts of a block with an unproven recipient, then derives every later transfer to it", async () => {
    const { chain, tracker, updates, track, receiptCalls } = setup()
    await tracker.start()
    const first = [track(1), track(2), track(3)]
    chain.mine([hash(1), hash(2), hash(3), ...foreign(20)], [], { to: sink })
    await vi.advanceTimersByTimeAsync(250)
    // The block's receipts (hash 1 is the probe) settle all three with real receipts.
    expect(chain.count("eth_getBlockReceipts")).toBe(1)
    expect(chain.count("eth_getTransactionReceipt")).toBe(0)
    for (const outcome of await Promise.all(first)) expect(outcome.status).toBe("included")
    expect(tracker.stats()).toMatchObject({ receiptsDerived: 0, receiptsFetched: 23 })
    const later = [track(4), track(5)]
    chain.mine([hash(4), hash(5)], [], { to: sink })
    await vi.advanceTimersByTimeAsync(250)
    expect(receiptCalls()).toBe(1)
    const [derived] = await Promise.all(later)
    expect(derived?.status === "included" && derived.receipt).toMatchObject({
      hash: hash(4),
      blockNumber: 3n,
      status: "success",
      gasUsed: 21_000n,
      effectiveGasPrice: 9n, // base fee 7 + priority 2, under the cap of 100
      to: sink,
      logs: [],
    })
    expect(updates.find((update) => update.hash === hash(5))).toMatchObject({
      status: "included",
      includedBlock: 3n,
      gasUsed: 21_000n,
      effectiveGasPrice: 9n,
    })
    expect(tracker.stats()).toMatchObject({ receiptsDerived: 2, receiptsFetched: 23 })
    tracker.stop()
  })

  it("fetches every receipt when the probe shows the recipient runs code", async () => {
    const { chain, tracker, track } = setup()
    await tracker.start()
    const outcomes = [track(1), track(2), track(3)]
    // A contract's receive() emitted a log: not a plain recipient.
    const log = { address: sink, topics: [], data: "0x" }
    chain.mine([hash(1), hash(2), hash(3), ...foreign(20)], [hash(2)], { to: sink, logs: [log] })
    await vi.advanceTimersByTimeAsync(250)
    const settled = await Promise.all(outcomes)
    expect(settled.map((outcome) => outcome.status)).toEqual(["included", "reverted", "included"])
    // The sink was never proven: the next transfer to it is read from its block's receipts too.
    const next = track(4)
    chain.mine([hash(4)], [], { to: sink, logs: [log] })
    await vi.advanceTimersByTimeAsync(250)
    expect((await next).status).toBe("included")
    expect(chain.count("eth_getBlockReceipts")).toBe(2)
    expect(tracker.stats().receiptsDerived).toBe(0)
    tracker.stop()
  })

  it("never derives a receipt the probe contradicts (a reverted probe)", async () => {
    const { chain, tracker, track } = setup()
    await tracker.start()
    const outcomes = [track(1), track(2)]
    chain.mine([hash(1), hash(2), ...foreign(20)], [hash(1), hash(2)], { to: sink })
    await vi.advanceTimersByTimeAsync(250)
    expect((await Promise.all(outcomes)).map((outcome) => outcome.status)).toEqual(["reverted", "reverted"])
    tracker.stop()
  })

  it("re-checks a recipient with one real receipt once its proof is older than the period", async () => {
    const { chain, tracker, track } = setup({ verifyEveryMs: 1_000 })
    await tracker.start()
    void track(1)
    chain.mine([hash(1), ...foreign(10)], [], { to: sink })
    await vi.advanceTimersByTimeAsync(250)
    void track(2)
    chain.mine([hash(2)], [], { to: sink })
    await vi.advanceTimersByTimeAsync(250)
    expect(chain.count("eth_getBlockReceipts")).toBe(1)
    await vi.advanceTimersByTimeAsync(1_000)
    void track(3)
    void track(4)
    chain.mine([hash(3), hash(4), ...foreign(10)], [], { to: sink })
    await vi.advanceTimersByTimeAsync(250)
    expect(chain.count("eth_getBlockReceipts")).toBe(2)
    expect(tracker.stats()).toMatchObject({ receiptsDerived: 1, receiptsFetched: 23 })
    tracker.stop()
  })

  it("fetches everything when derivation is turned off", async () => {
    const { chain, tracker, track, receiptCalls } = setup({ derive: false })
    await tracker.start()
    void track(1)
    chain.mine([hash(1)], [], { to: sink })
    await vi.advanceTimersByTimeAsync(250)
    void track(2)
    chain.mine([hash(2)], [], { to: sink })
    await vi.advanceTimersByTimeAsync(250)
    expect(receiptCalls()).toBe(2)
    expect(tracker.stats().receiptsDerived).toBe(0)
    tracker.stop()
  })
})
