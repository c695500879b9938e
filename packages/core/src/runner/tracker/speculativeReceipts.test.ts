import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import { Ok } from "../../result.js"
import { createFakeChain } from "../../testing/runner/fakeChain.js"
import { createMemoryRecorder } from "../../testing/runner/memoryRecorder.js"
import { type RpcBlockHeader, type RpcReceipt, toQuantity } from "../chainTypes.js"
import type { RunnerNonceLane, RunnerRpc } from "../ports.js"
import { createReceiptTracker } from "../receiptTracker.js"
import { createTimerClock } from "../scheduling/clock.js"
import { receiptsOfHeader } from "./speculativeReceipts.js"

const lane: RunnerNonceLane = {
  chainId: 1,
  address: "0x0000000000000000000000000000000000000001",
  nonceKey: 0n,
}
const hashA = `0x${"a".repeat(64)}`
const hashB = `0x${"b".repeat(64)}`
const hashC = `0x${"c".repeat(64)}`

function receipt(hash: string, block: number): RpcReceipt {
  return {
    transactionHash: hash,
    blockNumber: toQuantity(block),
    status: "0x1",
    gasUsed: "0x1",
    from: lane.address,
    logs: [],
  }
}

/** Every answer takes this long (fake time): a second round trip shows as a later request. */
const roundTripMs = 10

/**
 * The tracker on the fake chain behind a 10 ms round trip; `answerReceiptsOnce` replaces the
 * node's next answer to eth_getBlockReceipts of a block (to play a node that read them before the
 * block was mined, or another block under the same number).
 */
function setup() {
  const chain = createFakeChain()
  const sent: { method: string; params: readonly unknown[]; at: number }[] = []
  const replaced = new Map<number, RpcReceipt[] | null>()
  const later = <T>(answer: Promise<T>) =>
    new Promise<T>((resolve) => setTimeout(() => resolve(answer), roundTripMs))
  const rpc: RunnerRpc = {
    request<T>(method: string, params: readonly unknown[]) {
      sent.push({ method, params, at: Date.now() })
      const block = method === "eth_getBlockReceipts" ? Number(BigInt(params[0] as string)) : -1
      if (replaced.has(block)) {
        const answer = replaced.get(block)
        replaced.delete(block)
        void chain.rpc.request(method, params) // still logged as a call
        return later(Promise.resolve(Ok(answer as T)))
      }
      return later(chain.rpc.request<T>(method, params))
    },
  }
  const { recorder, updates } = createMemoryRecorder()
  const tracker = createReceiptTracker({
    rpc,
    recorder,
    clock: createTimerClock(),
    pollIntervalMs: 200,
    hedgeAfterMs: 0,
  })
  const receiptCalls = (block: number) =>
    chain.calls.filter(
      (call) => call.method === "eth_getBlockReceipts" && call.params[0] === toQuantity(block),
    ).length
  /** A first block that needed its receipts read: from then on the polls ask for the next block's. */
  async function warmUp() {
    let started = false
    void tracker.start().then(() => {
      started = true
    })
    while (!started) await vi.advanceTimersByTimeAsync(roundTripMs)
    const first = tracker.track({ hash: hashA, lane, nonce: 0n, taskName: "t" })
    chain.mine([hashA])
    await vi.advanceTimersByTimeAsync(250)
    expect((await first).status).toBe("included")
  }
  return {
    chain,
    sent,
    tracker,
    updates,
    receiptCalls,
    warmUp,
    /** The next eth_getBlockReceipts of `block` is answered with `answer` instead of the node's. */
    answerReceiptsOnce(block: number, answer: RpcReceipt[] | null) {
      replaced.set(block, answer)
    },
  }
}

describe("speculative block receipts", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it("the poll that finds a block brings its receipts: no second round trip, no per-transaction receipt", async () => {
    const test = setup()
    await test.warmUp()
    const outcome = test.tracker.track({ hash: hashB, lane, nonce: 1n, taskName: "t" })
    await vi.advanceTimersByTimeAsync(600)
    // While the block is not mined the node answers null: asked once per poll, ignored.
    const askedBefore = test.receiptCalls(3)
    expect(askedBefore).toBeGreaterThan(0)
    test.chain.mine([hashB])
    await vi.advanceTimersByTimeAsync(250)
    expect((await outcome).status).toBe("included")
    expect(test.receiptCalls(3) - askedBefore).toBe(1)
    expect(test.chain.count("eth_getTransactionReceipt")).toBe(0)
    // …sent with the poll's head request, not one round trip after its answer.
    const receipts = test.sent.filter((call) => call.method === "eth_getBlockReceipts").at(-1)
    const head = test.sent
      .filter((call) => call.method === "eth_blockNumber" && call.at <= (receipts?.at ?? 0))
      .at(-1)
    expect(receipts?.at).toBe(head?.at)
  })

  it("ignores an answer read before the block was mined (null) and reads the block as usual", async () => {
    const test = setup()
    await test.warmUp()
    const outcome = test.tracker.track({ hash: hashB, lane, nonce: 1n, taskName: "t" })
    // The node read the receipts just before it mined the block the header of the same poll shows.
    test.answerReceiptsOnce(3, null)
    test.chain.mine([hashB])
    await vi.advanceTimersByTimeAsync(250)
    const settled = await outcome
    expect(settled.status).toBe("included")
    if (settled.status === "included") expect(settled.receipt.blockNumber).toBe(3n)
    expect(test.updates.filter((update) => update.hash === hashB)).toMatchObject([
      { status: "included", includedBlock: 3n },
    ])
  })

  it("ignores receipts of another block under the same number and never settles a hash from them", async () => {
    const test = setup()
    await test.warmUp()
    const outcomeB = test.tracker.track({ hash: hashB, lane, nonce: 1n, taskName: "t" })
    const outcomeC = test.tracker.track({ hash: hashC, lane, nonce: 2n, taskName: "t" })
    // Receipts of a block 3 that held C (a reorganised-away block), answered once.
    test.answerReceiptsOnce(3, [receipt(hashC, 3)])
    test.chain.mine([hashB])
    await vi.advanceTimersByTimeAsync(250)
    expect((await outcomeB).status).toBe("included")
    expect(test.tracker.pendingCount).toBe(1)
    expect(test.updates.some((update) => update.hash === hashC)).toBe(false)
    test.chain.mine([hashC])
    await vi.advanceTimersByTimeAsync(250)
    const settledC = await outcomeC
    if (settledC.status === "included") expect(settledC.receipt.blockNumber).toBe(4n)
    else expect.fail(`C ended ${settledC.status}`)
  })

  it("asks for no receipts ahead while nothing is pending", async () => {
    const test = setup()
    await test.warmUp()
    const asked = test.chain.count("eth_getBlockReceipts")
    for (let block = 0; block < 4; block += 1) {
      test.chain.mine([])
      await vi.advanceTimersByTimeAsync(250)
    }
    expect(test.chain.count("eth_getBlockReceipts")).toBe(asked)
  })
})

describe("receiptsOfHeader", () => {
  const header: RpcBlockHeader = {
    number: "0x3",
    timestamp: "0x1",
    gasLimit: "0x1",
    transactions: [hashA, hashB],
  }

  it("accepts exactly the receipts of the header's transactions, in order, of its number", () => {
    const receipts = [receipt(hashA, 3), receipt(hashB.toUpperCase().replace("0X", "0x"), 3)]
    expect(receiptsOfHeader(header, receipts)).toBe(receipts)
  })

  it("rejects null (not mined yet), a partial answer, another order, another block", () => {
    expect(receiptsOfHeader(header, null)).toBeUndefined()
    expect(receiptsOfHeader(header, [receipt(hashA, 3)])).toBeUndefined()
    expect(receiptsOfHeader(header, [receipt(hashB, 3), receipt(hashA, 3)])).toBeUndefined()
    expect(receiptsOfHeader(header, [receipt(hashA, 3), receipt(hashB, 4)])).toBeUndefined()
  })
})
