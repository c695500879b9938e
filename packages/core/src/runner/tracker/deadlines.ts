/**
 * The outer deadline of a tracked transaction: one the node still holds after `dropAfterBlocks`
 * blocks or `dropAfterMs` is looked up once more, offered once more if it has its raw bytes, and
 * then settled `dropped` (its nonce is not freed: the node may still hold it, the lane resyncs).
 */
import { RunnerReceiptDeadlineError, type RunnerReceiptDeadlineErrorType } from "../../errors/runner.js"
import type { RpcReceipt } from "../chainTypes.js"
import type { RunnerRpc } from "../ports.js"
import type { Clock } from "../scheduling/clock.js"
import type { TrackerState } from "./trackerState.js"
import type {
  PendingEntry,
  ReceiptTrackerStats,
  TrackerNonceManager,
  TrackerRequestOptions,
} from "./types.js"

/**
 * Replaced by a later transaction with the same nonce: it settles with its group.
 *
 * @example
 * if (superseded(entry)) continue
 */
export function superseded(entry: PendingEntry): boolean {
  return entry.group !== undefined && entry.group.latest !== entry
}

/**
 * The error a transaction settles `dropped` with: how long and how many blocks it waited.
 *
 * @example
 * state.settle(entry, { status: "dropped", error: receiptDeadlineError(entry, head, clock.now()) })
 */
export function receiptDeadlineError(
  entry: PendingEntry,
  head: bigint,
  now: number,
): RunnerReceiptDeadlineErrorType {
  return new RunnerReceiptDeadlineError({
    hash: entry.hash,
    address: entry.lane.address,
    nonce: entry.nonce,
    waitedMs: Math.round(now - entry.firstSentAt),
    waitedBlocks: entry.sentAtBlock === undefined ? 0 : Number(head - entry.sentAtBlock),
  }) as RunnerReceiptDeadlineErrorType
}

/**
 * Creates the deadline check (call once per poll, after drop detection).
 *
 * @example
 * const deadlines = createDeadlines({ rpc, state, nonces, clock, counters, requestOptions, dropAfterBlocks: 30, dropAfterMs: 60_000, maxLookupsPerPoll: 256, rebroadcast })
 * await deadlines.expire(head)
 */
export function createDeadlines(parameters: {
  rpc: RunnerRpc
  state: TrackerState
  nonces: TrackerNonceManager | undefined
  clock: Clock
  counters: ReceiptTrackerStats
  requestOptions: TrackerRequestOptions
  dropAfterBlocks: number
  dropAfterMs: number
  maxLookupsPerPoll: number
  /** Drop detection's re-broadcast (marks the entries, offers them once more). */
  rebroadcast(entries: PendingEntry[], head: bigint): Promise<void>
}) {
  const {
    rpc,
    state,
    nonces,
    clock,
    counters,
    requestOptions,
    dropAfterBlocks,
    dropAfterMs,
    maxLookupsPerPoll,
    rebroadcast,
  } = parameters

  async function expire(head: bigint | undefined) {
    if (state.pending.size === 0) return
    const now = clock.now()
    const expired: PendingEntry[] = []
    for (const entry of state.pending.values()) {
      if (superseded(entry)) continue
      const waitedBlocks =
        head !== undefined && entry.sentAtBlock !== undefined ? Number(head - entry.sentAtBlock) : 0
      if (waitedBlocks < dropAfterBlocks && now - entry.sentAt < dropAfterMs) continue
      expired.push(entry)
      if (expired.length >= maxLookupsPerPoll) break
    }
    if (expired.length === 0) return
    const receipts = await Promise.all(
      expired.map((entry) =>
        rpc.request<RpcReceipt | null>("eth_getTransactionReceipt", [entry.hash], requestOptions),
      ),
    )
    const offerAgain: PendingEntry[] = []
    for (const [index, entry] of expired.entries()) {
      const result = receipts[index]
      if (result === undefined || result.isErr() || !state.pending.has(entry.hash)) continue
      if (result.value !== null) {
        state.settleReceipt(result.value, undefined)
        continue
      }
      if (!entry.rebroadcast && entry.raw !== undefined) {
        offerAgain.push(entry)
        entry.sentAtBlock = head
        continue
      }
      counters.droppedDetected += 1
      state.settle(entry, { status: "dropped", error: receiptDeadlineError(entry, head ?? 0n, clock.now()) })
      // The node may still hold it: the nonce is not freed, the lane asks the chain.
      void nonces?.resync(entry.lane)
    }
    if (offerAgain.length > 0) await rebroadcast(offerAgain, head ?? 0n)
  }

  return { expire }
}
