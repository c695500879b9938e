/**
 * Finds out what happened to transactions that are late (ADR 0013): a send whose outcome was
 * unknown, one the RPC accepted but never forwarded, one another sender's transaction displaced.
 * Only late transactions are looked up, in ONE batch per poll: by hash, plus each sender's mined
 * nonce ("latest"). The node holds it → wait (looking again after twice as long); mined → settle
 * from its receipt; unknown and its nonce not reached → re-broadcast once, then `dropped` with
 * the nonce made reusable; its nonce taken by another transaction (seen twice, to rule out a
 * block landing between the two reads) → `dropped` and the lane resyncs.
 */
import type { Result } from "../../result.js"
import type { RpcReceipt } from "../chainTypes.js"
import type { RunnerLogger, RunnerNonceLane, RunnerRpc } from "../ports.js"
import type { Clock } from "../scheduling/clock.js"
import { receiptDeadlineError, superseded } from "./deadlines.js"
import type { TrackerState } from "./trackerState.js"
import type {
  ChainNonceReader,
  PendingEntry,
  ReceiptTrackerStats,
  TrackerNonceManager,
  TrackerRequestOptions,
} from "./types.js"

/** The longest wait between two lookups of a transaction the node keeps holding. */
const maximumCheckEveryBlocks = 64

type Lookup = { entry: PendingEntry; found: Result<{ blockNumber?: string | null } | null, unknown> }

function laneKey(lane: RunnerNonceLane): string {
  return `${lane.address.toLowerCase()}:${lane.nonceKey}`
}

/**
 * Creates the drop detection.
 *
 * @example
 * const detection = createDropDetection({ rpc, state, nonces, clock, logger, counters, requestOptions, checkAfterBlocks: 4, maxLookupsPerPoll: 256 })
 * await detection.check(head)
 */
export function createDropDetection(parameters: {
  rpc: RunnerRpc
  state: TrackerState
  nonces: TrackerNonceManager | undefined
  clock: Clock
  logger: RunnerLogger
  counters: ReceiptTrackerStats
  requestOptions: TrackerRequestOptions
  checkAfterBlocks: number
  maxLookupsPerPoll: number
  chainNonceOf: ChainNonceReader | undefined
}) {
  const { rpc, state, nonces, clock, logger, counters, requestOptions } = parameters

  function lookAgainIn(entry: PendingEntry, head: bigint, blocks: number) {
    entry.checkAtBlock = head + BigInt(blocks)
  }

  /** The late entries, oldest first (insertion order is send order), at most `maxLookupsPerPoll`. */
  function dueEntries(head: bigint): PendingEntry[] {
    const due: PendingEntry[] = []
    for (const entry of state.pending.values()) {
      // A replaced transaction is evicted by its replacement: only the latest one is looked up.
      if (superseded(entry)) continue
      if (entry.checkAtBlock === undefined) {
        // Tracked before the first head was known: its wait starts now.
        entry.sentAtBlock ??= head
        lookAgainIn(entry, head, parameters.checkAfterBlocks)
        continue
      }
      if (entry.checkAtBlock > head) continue
      due.push(entry)
      if (due.length >= parameters.maxLookupsPerPoll) break
    }
    return due
  }

  /** One batch: mined nonces of the lanes first, then the hashes (the client batches one tick). */
  function readChain(due: PendingEntry[]) {
    const lanes = new Map<string, RunnerNonceLane>()
    for (const entry of due) lanes.set(laneKey(entry.lane), entry.lane)
    const nonceReads = new Map<string, Promise<Result<bigint, unknown>> | undefined>()
    for (const [key, lane] of lanes) {
      if (lane.nonceKey === 0n) {
        const read = rpc.request<string>("eth_getTransactionCount", [lane.address, "latest"], requestOptions)
        nonceReads.set(
          key,
          read.then((result) => result.map(BigInt)),
        )
      } else nonceReads.set(key, parameters.chainNonceOf?.(lane))
    }
    const hashReads = due.map((entry) =>
      rpc.request<{ blockNumber?: string | null } | null>(
        "eth_getTransactionByHash",
        [entry.hash],
        requestOptions,
      ),
    )
    return { nonceReads, hashReads }
  }

  async function settleMined(entries: PendingEntry[]) {
    const receipts = await Promise.all(
      entries.map((entry) =>
        rpc.request<RpcReceipt | null>("eth_getTransactionReceipt", [entry.hash], requestOptions),
      ),
    )
    for (const result of receipts)
      if (result.isOk() && result.value !== null) state.settleReceipt(result.value, undefined)
  }

  function drop(entry: PendingEntry, head: bigint, reason: "unknown to the node" | "nonce taken") {
    counters.droppedDetected += 1
    logger.warn(
      { hash: entry.hash, address: entry.lane.address, nonce: entry.nonce.toString(), reason },
      "transaction dropped",
    )
    state.settle(entry, { status: "dropped", error: receiptDeadlineError(entry, head, clock.now()) })
    // Not in any pool and not mined: its nonce is free again (the next reservation fills the gap).
    if (reason === "unknown to the node") nonces?.markDropped?.(entry.lane, entry.nonce)
    void nonces?.resync(entry.lane)
  }

  async function rebroadcast(entries: PendingEntry[], head: bigint) {
    for (const entry of entries) {
      entry.rebroadcast = true
      entry.sentAt = clock.now()
      lookAgainIn(entry, head, parameters.checkAfterBlocks)
    }
    counters.rebroadcasts += entries.length
    const answers = await Promise.all(
      entries.map((entry) =>
        rpc.request<string>("eth_sendRawTransaction", [entry.raw], { from: entry.lane.address }),
      ),
    )
    for (const [index, entry] of entries.entries()) {
      const answer = answers[index]
      logger.info(
        { hash: entry.hash, answer: answer === undefined || answer.isOk() ? "accepted" : answer.error.code },
        "re-broadcast a transaction the node did not know",
      )
    }
  }

  async function check(head: bigint) {
    if (state.pending.size === 0) return
    const due = dueEntries(head)
    if (due.length === 0) return
    counters.lookups += due.length
    const { nonceReads, hashReads } = readChain(due)
    const lookups: Lookup[] = (await Promise.all(hashReads)).map((found, index) => ({
      entry: due[index] as PendingEntry,
      found,
    }))
    const chainNonces = new Map<string, bigint | undefined>()
    for (const [key, read] of nonceReads) {
      const result = read === undefined ? undefined : await read
      chainNonces.set(key, result?.isOk() === true ? result.value : undefined)
    }
    const mined: PendingEntry[] = []
    const offerAgain: PendingEntry[] = []
    for (const { entry, found } of lookups) {
      if (!state.pending.has(entry.hash)) continue // settled by a block meanwhile
      if (found.isErr()) continue // unanswered: looked at again next poll
      if (found.value !== null) {
        entry.nonceTakenOnce = false
        if (found.value.blockNumber !== undefined && found.value.blockNumber !== null) mined.push(entry)
        else {
          // In the pool: keep waiting, looking less often.
          entry.checkEveryBlocks = Math.min(entry.checkEveryBlocks * 2, maximumCheckEveryBlocks)
          lookAgainIn(entry, head, entry.checkEveryBlocks)
        }
        continue
      }
      const chainNonce = chainNonces.get(laneKey(entry.lane))
      if (chainNonce !== undefined && chainNonce > entry.nonce) {
        if (entry.nonceTakenOnce) {
          nonces?.confirm(entry.lane, chainNonce)
          drop(entry, head, "nonce taken")
        } else {
          entry.nonceTakenOnce = true
          lookAgainIn(entry, head, 1)
        }
        continue
      }
      if (!entry.rebroadcast && entry.raw !== undefined) offerAgain.push(entry)
      else drop(entry, head, "unknown to the node")
    }
    if (mined.length > 0) await settleMined(mined)
    if (offerAgain.length > 0) await rebroadcast(offerAgain, head)
  }

  /**
   * The outer deadline: transactions the node keeps holding (or that were never looked up) past
   * `dropAfterBlocks` / `dropAfterMs` get a last receipt lookup, one re-broadcast, then `dropped`.
   */
  return { check, rebroadcast }
}
