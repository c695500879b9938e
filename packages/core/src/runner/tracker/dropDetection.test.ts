import { keccak256 } from "ethers"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import { Ok, type Result } from "../../result.js"
import { createFakeChain } from "../../testing/runner/fakeChain.js"
import { createMemoryRecorder } from "../../testing/runner/memoryRecorder.js"
import { toQuantity } from "../chainTypes.js"
import type { RunnerNonceLane, RunnerRpc } from "../ports.js"
import { createReceiptTracker } from "../receiptTracker.js"
import { createTimerClock } from "../scheduling/clock.js"
import type { TrackerNonceManager } from "./types.js"

const lane: RunnerNonceLane = {
  chainId: 1,
  address: "0x0000000000000000000000000000000000000001",
  nonceKey: 0n,
}
const rawA = "0xa1"
const hashA = keccak256(rawA)

/**
 * The fake chain plus what drop detection reads: the node's pool (hashes it holds), and the
 * sender's mined nonce. A re-broadcast reaches the pool only when `forwardRebroadcasts` is set.
 */
function setup(options: { forwardRebroadcasts?: boolean } = {}) {
  const chain = createFakeChain()
  const pool = new Set<string>()
  let minedNonce = 0n
  const rpc: RunnerRpc = {
    async request<T>(method: string, params: readonly unknown[], requestOptions?: object) {
      if (method === "eth_getTransactionByHash") {
        chain.calls.push({ method, params })
        const hash = params[0] as string
        return Ok((pool.has(hash) ? { hash, blockNumber: null } : null) as T) as Result<T, never>
      }
      if (method === "eth_getTransactionCount") {
        chain.calls.push({ method, params })
        return Ok(toQuantity(minedNonce) as T) as Result<T, never>
      }
      if (method === "eth_sendRawTransaction" && options.forwardRebroadcasts === true)
        pool.add(keccak256(params[0] as string))
      return chain.rpc.request<T>(method, params, requestOptions)
    },
  }
  const { recorder, updates } = createMemoryRecorder()
  const dropped: bigint[] = []
  const confirmed: bigint[] = []
  const resyncs: string[] = []
  const nonces: TrackerNonceManager = {
    reserve: async () => {
      throw new Error("not used")
    },
    confirm: (_lane, next) => confirmed.push(next),
    resync: async (resynced) => {
      resyncs.push(resynced.address)
      return Ok(0n)
    },
    markDropped: (_lane, nonce) => {
      dropped.push(nonce)
      return true
    },
  }
  const tracker = createReceiptTracker({
    rpc,
    recorder,
    nonces,
    clock: createTimerClock(),
    pollIntervalMs: 200,
    dropCheckAfterBlocks: 2,
    dropAfterBlocks: 1000,
    dropAfterMs: 10_000_000,
    hedgeAfterMs: 0,
  })
  const mineBlocks = async (count: number, hashes: string[] = []) => {
    for (let block = 0; block < count; block += 1) {
      chain.mine(block === 0 ? hashes : [])
      for (const hash of block === 0 ? hashes : []) pool.delete(hash)
      await vi.advanceTimersByTimeAsync(250)
    }
  }
  return {
    chain,
    pool,
    tracker,
    updates,
    dropped,
    confirmed,
    resyncs,
    mineBlocks,
    setMinedNonce: (nonce: bigint) => {
      minedNonce = nonce
    },
  }
}

describe("drop detection", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it("re-broadcasts a send the node never saw, and settles it when the re-broadcast lands", async () => {
    const test = setup({ forwardRebroadcasts: true })
    await test.tracker.start()
    const outcome = test.tracker.track({ hash: hashA, lane, nonce: 0n, taskName: "t", raw: rawA })
    await test.mineBlocks(2)
    expect(test.chain.count("eth_sendRawTransaction")).toBe(1)
    expect(test.pool.has(hashA)).toBe(true)
    await test.mineBlocks(1, [hashA])
    expect((await outcome).status).toBe("included")
    expect(test.dropped).toEqual([])
    expect(test.tracker.stats()).toMatchObject({ rebroadcasts: 1, droppedDetected: 0 })
  })

  it("settles dropped (nonce reusable) when the re-broadcast is lost too, without holding the drain", async () => {
    const test = setup()
    await test.tracker.start()
    const outcome = test.tracker.track({ hash: hashA, lane, nonce: 0n, taskName: "t", raw: rawA })
    const drained = test.tracker.waitForSettled(30_000)
    const started = Date.now()
    await test.mineBlocks(4)
    const settled = await outcome
    expect(settled.status).toBe("dropped")
    expect(await drained).toBe(true)
    expect(test.dropped).toEqual([0n])
    expect(test.resyncs).toEqual([lane.address])
    expect(test.updates.at(-1)).toMatchObject({ hash: hashA, status: "dropped" })
    // Four blocks, not the 30 s grace period.
    expect(Date.now() - started).toBeLessThanOrEqual(1_000)
  })

  it("settles dropped and resyncs when another transaction took the nonce (seen twice)", async () => {
    const test = setup()
    await test.tracker.start()
    const outcome = test.tracker.track({ hash: hashA, lane, nonce: 0n, taskName: "t", raw: rawA })
    test.setMinedNonce(1n)
    await test.mineBlocks(2)
    expect(test.tracker.pendingCount).toBe(1)
    await test.mineBlocks(1)
    expect((await outcome).status).toBe("dropped")
    expect(test.chain.count("eth_sendRawTransaction")).toBe(0)
    expect(test.dropped).toEqual([])
    expect(test.confirmed).toEqual([1n])
    expect(test.resyncs).toEqual([lane.address])
  })

  it("keeps waiting while the node holds the transaction, looking up less and less often", async () => {
    const test = setup()
    test.pool.add(hashA)
    await test.tracker.start()
    const outcome = test.tracker.track({ hash: hashA, lane, nonce: 0n, taskName: "t", raw: rawA })
    await test.mineBlocks(30)
    // Looked up at +2, +4, +8, +16 blocks: 4 lookups in 30 blocks, not 30.
    expect(test.chain.count("eth_getTransactionByHash")).toBe(4)
    expect(test.tracker.pendingCount).toBe(1)
    await test.mineBlocks(1, [hashA])
    expect((await outcome).status).toBe("included")
  })

  it("looks up many late transactions with one nonce read per sender per poll", async () => {
    const test = setup()
    await test.tracker.start()
    const hashes = Array.from({ length: 20 }, (_, index) => keccak256(`0x${(index + 16).toString(16)}`))
    for (const hash of hashes) test.pool.add(hash)
    for (const [index, hash] of hashes.entries())
      void test.tracker.track({ hash, lane, nonce: BigInt(index), taskName: "t" })
    await test.mineBlocks(2)
    expect(test.chain.count("eth_getTransactionByHash")).toBe(20)
    expect(test.chain.count("eth_getTransactionCount")).toBe(1)
    test.tracker.stop()
  })
})
