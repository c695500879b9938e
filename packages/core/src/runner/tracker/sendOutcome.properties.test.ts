import fc from "fast-check"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import type { TransactionStatus } from "../../database/schema.js"
import type { BaseError } from "../../errors/base.js"
import { RpcTimeoutError } from "../../errors/rpc.js"
import { createNonceManager } from "../../nonce/nonceManager.js"
import { Err, Ok, type Result } from "../../result.js"
import { classifyRpcError } from "../../rpc/classify.js"
import { type RpcReceipt, toQuantity } from "../chainTypes.js"
import type { RunnerNonceLane, RunnerRpc } from "../ports.js"
import { createReceiptTracker } from "../receiptTracker.js"
import { createTimerClock } from "../scheduling/clock.js"

// The outcome invariant, over arbitrary sequences of send answers against a simulated node:
// the real nonce manager, the real send-outcome classification (markRejected) and the real
// receipt tracker decide; the node model is the truth. Checked: a nonce is never handed out
// while a transaction of ours holding it is in the pool, and no row ends rejected or dropped for
// a transaction the chain mined.

const lane: RunnerNonceLane = {
  chainId: 1,
  address: "0x00000000000000000000000000000000000000aa",
  nonceKey: 0n,
}

/** What the node does with one send, and what the client hears. */
type SendAnswer =
  | "accepted" // in the pool, hash answered
  | "acceptedLost" // hash answered, never forwarded (the proxy dropped it)
  | "unknownDelivered" // in the pool, answered -32603 (or a timeout after writing)
  | "unknownLost" // not delivered, but the client cannot tell (a timeout)
  | "refused" // insufficient funds: not in the pool

type Command =
  | { kind: "send"; answer: SendAnswer; timeout: boolean }
  | { kind: "mine"; count: number }
  | { kind: "external" }
  | { kind: "wait" }

const commandArbitrary: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("send" as const),
      answer: fc.constantFrom<SendAnswer>(
        "accepted",
        "acceptedLost",
        "unknownDelivered",
        "unknownLost",
        "refused",
      ),
      timeout: fc.boolean(),
    }),
  },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 4 }).map((count) => ({ kind: "mine" as const, count })) },
  { weight: 1, arbitrary: fc.constant({ kind: "external" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "wait" as const }) },
)

type PoolEntry = { hash: string; ours: boolean }

/** One sender's view of a node: pool by nonce, mined nonce, blocks of hashes. */
function createSimulatedNode() {
  const pool = new Map<bigint, PoolEntry>()
  const minedHashes = new Map<string, number>()
  const nonceOf = new Map<string, bigint>()
  const blocks: string[][] = [[]]
  let mined = 0n
  const pendingNonce = () => {
    let nonce = mined
    while (pool.has(nonce)) nonce++
    return nonce
  }
  /** The node's verdict on a transaction: admitted, or the error it answers. */
  function admit(
    hash: string,
    nonce: bigint,
    ours: boolean,
  ): "admitted" | "nonce too low" | "already known" | "replacement transaction underpriced" {
    if (minedHashes.has(hash) || pool.get(nonce)?.hash === hash) return "already known"
    if (nonce < mined) return "nonce too low"
    if (pool.has(nonce)) return "replacement transaction underpriced"
    pool.set(nonce, { hash, ours })
    nonceOf.set(hash, nonce)
    return "admitted"
  }
  function mine(count: number) {
    const block: string[] = []
    for (let index = 0; index < count && pool.has(mined); index++) {
      const entry = pool.get(mined) as PoolEntry
      pool.delete(mined)
      block.push(entry.hash)
      minedHashes.set(entry.hash, blocks.length)
      mined++
    }
    blocks.push(block)
  }
  const receipt = (hash: string): RpcReceipt => ({
    transactionHash: hash,
    blockNumber: toQuantity(minedHashes.get(hash) as number),
    status: "0x1",
    gasUsed: "0x5208",
    effectiveGasPrice: "0x7",
    from: lane.address,
    to: null,
    logs: [],
  })
  const rpc: RunnerRpc = {
    async request<T>(method: string, params: readonly unknown[]): Promise<Result<T, BaseError>> {
      const ok = (value: unknown) => Ok(value as T)
      switch (method) {
        case "eth_blockNumber":
          return ok(toQuantity(blocks.length - 1))
        case "eth_getBlockByNumber": {
          const block = blocks[Number(BigInt(params[0] as string))]
          return ok(
            block === undefined
              ? null
              : {
                  number: params[0],
                  timestamp: "0x1",
                  gasLimit: "0x1c9c380",
                  baseFeePerGas: "0x7",
                  transactions: block,
                },
          )
        }
        case "eth_getBlockReceipts":
          return ok((blocks[Number(BigInt(params[0] as string))] ?? []).map(receipt))
        case "eth_getTransactionReceipt":
          return ok(minedHashes.has(params[0] as string) ? receipt(params[0] as string) : null)
        case "eth_getTransactionByHash": {
          const hash = params[0] as string
          if (minedHashes.has(hash))
            return ok({ hash, blockNumber: toQuantity(minedHashes.get(hash) as number) })
          const nonce = nonceOf.get(hash)
          return ok(
            nonce !== undefined && pool.get(nonce)?.hash === hash ? { hash, blockNumber: null } : null,
          )
        }
        case "eth_getTransactionCount":
          return ok(toQuantity(params[1] === "latest" ? mined : pendingNonce()))
        case "eth_sendRawTransaction": {
          // Re-broadcasts: the raw text is "nonce:hash".
          const [nonce, hash] = (params[0] as string).split(":") as [string, string]
          const verdict = admit(hash, BigInt(nonce), true)
          return verdict === "admitted" ? ok(hash) : Err(classifyRpcError({ code: -32000, message: verdict }))
        }
        default:
          return Err(classifyRpcError({ code: -32601, message: "Method not found" }))
      }
    },
  }
  return {
    pool,
    minedHashes,
    admit,
    mine,
    rpc,
    pendingNonce,
    get mined() {
      return mined
    },
  }
}

async function runScenario(commands: Command[]) {
  const node = createSimulatedNode()
  const statuses = new Map<string, TransactionStatus>()
  const violations: string[] = []
  const manager = createNonceManager({ fetchPendingNonce: async () => Ok(node.pendingNonce()) })
  const tracker = createReceiptTracker({
    rpc: node.rpc,
    recorder: {
      journalTransactions: async () => Ok(undefined),
      updateTransactions: (updates) => {
        for (const update of updates) statuses.set(update.hash, update.status)
        return true
      },
      recordTaskMetric: () => true,
      recordCreatedContract: () => true,
      recordCreatedAsset: () => true,
      flush: async () => Ok(undefined),
      underPressure: () => false,
    },
    nonces: manager,
    clock: createTimerClock(),
    pollIntervalMs: 200,
    dropCheckAfterBlocks: 2,
    hedgeAfterMs: 0,
  })
  await tracker.start()
  let sequence = 0
  const poll = () => vi.advanceTimersByTimeAsync(250)
  for (const command of commands) {
    if (command.kind === "mine") {
      node.mine(command.count)
      await poll()
    } else if (command.kind === "external") {
      node.admit(`0xexternal${sequence++}`, node.pendingNonce(), false)
    } else if (command.kind === "wait") {
      await poll()
    } else {
      const reserved = await manager.reserve(lane)
      if (reserved.isErr()) continue
      const reservation = reserved.value
      const nonce = reservation.nonce
      if (node.pool.get(nonce)?.ours === true)
        violations.push(`nonce ${nonce} handed out while ${node.pool.get(nonce)?.hash} is in the pool`)
      const hash = `0x${(sequence++).toString(16).padStart(64, "0")}`
      statuses.set(hash, "pending")
      void tracker.track({ hash, lane, nonce, taskName: "t", raw: `${nonce}:${hash}` })
      const delivered = command.answer === "accepted" || command.answer === "unknownDelivered"
      const verdict = delivered ? node.admit(hash, nonce, true) : "admitted"
      let error: BaseError | undefined
      if (verdict !== "admitted") error = classifyRpcError({ code: -32000, message: verdict })
      else if (command.answer === "refused")
        error = classifyRpcError({ code: -32000, message: "insufficient funds for gas * price + value" })
      else if (command.answer === "unknownDelivered" || command.answer === "unknownLost")
        error = command.timeout
          ? (new RpcTimeoutError({ timeoutMs: 10_000 }) as BaseError)
          : classifyRpcError({ code: -32603, message: "internal error" })
      // The submitter's settle step, verbatim in effect: the reservation classifies the error.
      if (error === undefined) reservation.markSubmitted(tracker.head)
      else if (reservation.markRejected(error, tracker.head) !== "submitted") {
        tracker.refuse(hash, error.code)
      }
    }
  }
  // Drain: mine whatever the node holds, give the tracker time to find out the rest.
  for (let round = 0; round < 80 && (tracker.pendingCount > 0 || node.pool.size > 0); round++) {
    node.mine(8)
    await poll()
  }
  tracker.stop()
  for (const [hash, status] of statuses)
    if (node.minedHashes.has(hash) && status !== "included") violations.push(`${hash} mined but ${status}`)
  return { violations, pending: tracker.pendingCount }
}

describe("send outcomes (property)", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setImmediate", "Date"] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it("never hands out a nonce our pooled transaction holds, and never fails a mined one", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(commandArbitrary, { minLength: 1, maxLength: 50 }), async (commands) => {
        const { violations, pending } = await runScenario(commands)
        expect(violations).toEqual([])
        expect(pending).toBe(0)
      }),
      { numRuns: 300 },
    )
  }, 60_000)
})
