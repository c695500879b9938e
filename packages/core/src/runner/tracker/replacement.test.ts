import { keccak256 } from "ethers"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import { RpcReplacementUnderpricedError } from "../../errors/rpc.js"
import { createGasManager } from "../../gas/gasManager.js"
import { Ok } from "../../result.js"
import { createFakeChain } from "../../testing/runner/fakeChain.js"
import { createMemoryRecorder } from "../../testing/runner/memoryRecorder.js"
import type { RunnerFees, RunnerNonceLane } from "../ports.js"
import { createReceiptTracker } from "../receiptTracker.js"
import { createTimerClock } from "../scheduling/clock.js"
import type { TransactionReplacer } from "./types.js"

// The fake chain's blocks all have base fee 7 wei: a transaction signed with maxFeePerGas 5 can
// never be included (EIP-1559) and must be replaced after 3 blocks.

const lane: RunnerNonceLane = {
  chainId: 1,
  address: "0x0000000000000000000000000000000000000001",
  nonceKey: 0n,
}
const rawA = "0xa1"
const hashA = keccak256(rawA)
const stuckFees: RunnerFees = { maxFeePerGas: 5n, maxPriorityFeePerGas: 1n }

function setup() {
  const chain = createFakeChain()
  const { recorder, updates } = createMemoryRecorder()
  const gas = createGasManager({ eip1559: true })
  const tracker = createReceiptTracker({
    rpc: chain.rpc,
    recorder,
    gas,
    clock: createTimerClock(),
    pollIntervalMs: 200,
    dropDetection: false,
    hedgeAfterMs: 0,
    replaceAfterBlocks: 3,
  })
  const signed: { fees: RunnerFees; raw: string; hash: string }[] = []
  const replace: TransactionReplacer = async (fees) => {
    const raw = `0xb${signed.length + 1}`
    const hash = keccak256(raw)
    signed.push({ fees, raw, hash })
    return Ok({ hash, raw })
  }
  const mineBlocks = async (count: number, hashes: string[] = []) => {
    for (let block = 0; block < count; block += 1) {
      chain.mine(block === 0 ? hashes : [])
      await vi.advanceTimersByTimeAsync(250)
    }
  }
  return { chain, updates, tracker, signed, replace, mineBlocks }
}

describe("replacement of stuck transactions", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it("replaces after 3 underpriced blocks with ≥ 10 % on both fees; the replacement's receipt settles the task", async () => {
    const test = setup()
    await test.tracker.start()
    const outcome = test.tracker.track({
      hash: hashA,
      lane,
      nonce: 0n,
      taskName: "t",
      raw: rawA,
      fees: stuckFees,
      replace: test.replace,
    })
    await test.mineBlocks(2)
    expect(test.signed).toEqual([])
    await test.mineBlocks(2)
    expect(test.signed).toHaveLength(1)
    const replacement = test.signed[0]!
    const fees = replacement.fees as { maxFeePerGas: bigint; maxPriorityFeePerGas: bigint }
    expect(fees.maxFeePerGas).toBeGreaterThan(7n) // includable at base fee 7
    expect(fees.maxFeePerGas * 10n).toBeGreaterThanOrEqual(stuckFees.maxFeePerGas * 11n)
    expect(fees.maxPriorityFeePerGas * 10n).toBeGreaterThanOrEqual(11n)
    expect(test.chain.count("eth_sendRawTransaction")).toBe(1)
    expect(test.updates).toContainEqual({ hash: hashA, status: "replaced", replacedBy: replacement.hash })
    await test.mineBlocks(1, [replacement.hash])
    const settled = await outcome
    expect(settled.status).toBe("included")
    expect(settled.status !== "dropped" && settled.receipt.hash).toBe(replacement.hash)
    expect(test.tracker.pendingCount).toBe(0)
    expect(test.tracker.stats().replacements).toBe(1)
  })

  it("lets the original win when it is mined after all: the replacement ends replaced", async () => {
    const test = setup()
    await test.tracker.start()
    const outcome = test.tracker.track({
      hash: hashA,
      lane,
      nonce: 0n,
      taskName: "t",
      raw: rawA,
      fees: stuckFees,
      replace: test.replace,
    })
    await test.mineBlocks(4)
    const replacement = test.signed[0]!
    await test.mineBlocks(1, [hashA])
    const settled = await outcome
    expect(settled.status !== "dropped" && settled.receipt.hash).toBe(hashA)
    expect(test.updates).toContainEqual({ hash: replacement.hash, status: "replaced", replacedBy: hashA })
    expect(test.updates.filter((update) => update.hash === hashA).at(-1)?.status).toBe("included")
    expect(test.tracker.pendingCount).toBe(0)
  })

  it("keeps the original when the node refuses the replacement, and journals the refused row", async () => {
    const test = setup()
    test.chain.rejectSend(
      keccak256("0xb1"),
      new RpcReplacementUnderpricedError({ nodeMessage: "replacement transaction underpriced" }),
    )
    await test.tracker.start()
    const outcome = test.tracker.track({
      hash: hashA,
      lane,
      nonce: 0n,
      taskName: "t",
      raw: rawA,
      fees: stuckFees,
      replace: test.replace,
    })
    await test.mineBlocks(4)
    expect(test.signed).toHaveLength(1)
    expect(test.updates).toContainEqual(
      expect.objectContaining({
        hash: keccak256("0xb1"),
        status: "failed",
        errorCode: "RPC_REPLACEMENT_UNDERPRICED",
      }),
    )
    expect(test.updates.some((update) => update.hash === hashA && update.status === "replaced")).toBe(false)
    expect(test.tracker.pendingCount).toBe(1)
    await test.mineBlocks(1, [hashA])
    expect((await outcome).status).toBe("included")
  })

  it("never replaces fees above the cap: the transaction stays and is not re-signed", async () => {
    const chain = createFakeChain()
    const { recorder } = createMemoryRecorder()
    const gas = createGasManager({ eip1559: true, maxFeePerGas: 5n })
    const tracker = createReceiptTracker({
      rpc: chain.rpc,
      recorder,
      gas,
      clock: createTimerClock(),
      pollIntervalMs: 200,
      dropDetection: false,
      hedgeAfterMs: 0,
    })
    let signed = 0
    await tracker.start()
    void tracker.track({
      hash: hashA,
      lane,
      nonce: 0n,
      taskName: "t",
      raw: rawA,
      fees: stuckFees,
      replace: async () => {
        signed += 1
        return Ok({ hash: "0x", raw: "0x" })
      },
    })
    for (let block = 0; block < 8; block += 1) {
      chain.mine()
      await vi.advanceTimersByTimeAsync(250)
    }
    expect(signed).toBe(0)
    expect(tracker.pendingCount).toBe(1)
    tracker.stop()
  })
})
