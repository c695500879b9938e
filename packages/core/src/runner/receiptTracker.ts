/**
 * Watches the chain head and settles every broadcast transaction: one batch per poll for the
 * head and the next header (tracker/blockFeed.ts); plain transfers to recipients proven codeless
 * settle from the block itself, a block with any other tracked hash is read with one
 * `eth_getBlockReceipts` (tracker/blockSettlement.ts); late transactions are looked up in one
 * batch per poll and settled dropped when the chain proves they will not land
 * (tracker/dropDetection.ts, ADR 0013). Never a receipt poll per transaction; every tracker read
 * jumps the send queue (high priority), has a short deadline and a hedge for slow answers.
 */

import { repairNonceGaps } from "../nonce/gapRepair.js"
import type { RpcReceipt } from "./chainTypes.js"
import { silentLogger } from "./ports.js"
import { createVerifiedRecipients } from "./receiptDerivation.js"
import { type Clock, systemClock } from "./scheduling/clock.js"
import { createBlockFeed } from "./tracker/blockFeed.js"
import { createBlockSettlement } from "./tracker/blockSettlement.js"
import { createDeadlines } from "./tracker/deadlines.js"
import { createDropDetection } from "./tracker/dropDetection.js"
import { createPollSchedule } from "./tracker/pollSchedule.js"
import { createReplacement } from "./tracker/replacement.js"
import { createTrackerState } from "./tracker/trackerState.js"
import {
  type PendingEntry,
  type ReceiptTracker,
  type ReceiptTrackerOptions,
  type ReceiptTrackerStats,
  type TransactionOutcome,
  trackerRequestOptions,
} from "./tracker/types.js"

export type {
  ChainNonceReader,
  ReceiptTracker,
  ReceiptTrackerOptions,
  ReceiptTrackerStats,
  TrackedTransaction,
  TrackerEvents,
  TrackerNonceManager,
  TransactionOutcome,
} from "./tracker/types.js"

/**
 * Creates a receipt tracker.
 *
 * @example
 * const tracker = createReceiptTracker({ rpc, recorder, nonces, gas, pollIntervalMs: 200, dropAfterBlocks: 30, dropAfterMs: 60_000 })
 */
export function createReceiptTracker(parameters: ReceiptTrackerOptions): ReceiptTracker {
  const { rpc, recorder, nonces, gas, events = {} } = parameters
  const clock: Clock = parameters.clock ?? systemClock
  const logger = parameters.logger ?? silentLogger
  const pollIntervalMs = Math.min(parameters.pollIntervalMs ?? 200, 250)
  const dropAfterBlocks = parameters.dropAfterBlocks ?? 30
  const dropAfterMs = parameters.dropAfterMs ?? 60_000
  const unreachableAfterFailures = parameters.unreachableAfterFailures ?? 12
  const dropDetection = parameters.dropDetection ?? true
  const checkAfterBlocks = Math.max(1, parameters.dropCheckAfterBlocks ?? 4)
  const { light: requestOptions, receipts: blockReceiptOptions } = trackerRequestOptions({
    requestTimeoutMs: parameters.requestTimeoutMs ?? 3_000,
    receiptTimeoutMs: parameters.receiptTimeoutMs ?? 10_000,
    hedgeAfterMs: parameters.hedgeAfterMs ?? 1_000,
  })
  const counters: ReceiptTrackerStats = {
    receiptsFetched: 0,
    receiptsDerived: 0,
    blocksProcessed: 0,
    lookups: 0,
    rebroadcasts: 0,
    droppedDetected: 0,
    replacements: 0,
  }
  const recipients = createVerifiedRecipients({
    verifyEveryMs: parameters.verifyRecipientEveryMs ?? 60_000,
    now: () => clock.now(),
  })
  const state = createTrackerState({ recorder, nonces, clock, logger, events, recipients })
  const settlement = createBlockSettlement({
    rpc,
    state,
    recipients,
    counters,
    logger,
    deriveTransfers: parameters.deriveTransferReceipts ?? true,
    requestOptions,
    blockReceiptOptions,
  })
  /** When the current poll was sent: a block it finds is taken to have arrived then. */
  let pollStartedAt = clock.now()
  const schedule = createPollSchedule({
    pollIntervalMs,
    fastPollIntervalMs: Math.min(parameters.fastPollIntervalMs ?? 25, pollIntervalMs),
  })
  const feed = createBlockFeed({
    rpc,
    gas,
    logger,
    events,
    counters,
    settlement,
    maxBlocksPerPoll: parameters.maxBlocksPerPoll ?? 50,
    priorityFeeMethod: parameters.priorityFeeMethod,
    requestOptions,
    blockReceiptOptions,
    onHeader: (number, timestamp) => schedule.recordBlock(number, timestamp, pollStartedAt),
  })
  const detection = createDropDetection({
    rpc,
    state,
    nonces,
    clock,
    logger,
    counters,
    requestOptions,
    checkAfterBlocks,
    maxLookupsPerPoll: parameters.maxLookupsPerPoll ?? 256,
    chainNonceOf: parameters.chainNonceOf,
  })
  const deadlines = createDeadlines({
    rpc,
    state,
    nonces,
    clock,
    counters,
    requestOptions,
    dropAfterBlocks,
    dropAfterMs,
    maxLookupsPerPoll: parameters.maxLookupsPerPoll ?? 256,
    rebroadcast: detection.rebroadcast,
  })
  const replacement =
    gas === undefined || parameters.replacement === false
      ? undefined
      : createReplacement({
          rpc,
          state,
          gas,
          clock,
          logger,
          recorder,
          counters,
          afterBlocks: Math.max(1, parameters.replaceAfterBlocks ?? 3),
          afterMs: parameters.replaceAfterMs ?? 45_000,
          checkAfterBlocks,
        })
  const stopController = new AbortController()
  let consecutiveFailures = 0
  let loop: Promise<void> | undefined

  /** One poll and what follows it; returns what the schedule needs to place the next one. */
  async function pollOnce(): Promise<{ reachable: boolean; progressed: boolean }> {
    const before = feed.lastProcessed
    const polled = await feed.poll()
    if (polled === "unreachable") {
      consecutiveFailures += 1
      logger.warn({ consecutiveFailures }, "head poll failed")
      // The node is gone (e.g. a devnet killed by the same Ctrl-C): waiting out the grace period is pointless.
      if (consecutiveFailures === unreachableAfterFailures) state.wakeWaiters()
      return { reachable: false, progressed: false }
    }
    const progressed = feed.lastProcessed !== before
    consecutiveFailures = 0
    const head = feed.head
    if (head === undefined) return { reachable: true, progressed }
    if (dropDetection && polled === "advanced") await detection.check(head)
    if (replacement !== undefined && polled === "advanced") await replacement.check(head)
    await deadlines.expire(head)
    repairNonceGaps({ nonces, head, maxBlocksWaiting: dropAfterBlocks, logger })
    return { reachable: true, progressed }
  }

  async function runLoop() {
    while (!stopController.signal.aborted) {
      const startedAt = clock.now()
      pollStartedAt = startedAt
      const polled = await pollOnce()
      const caughtUp = feed.head === undefined || feed.head === feed.lastProcessed
      const delay = schedule.delayAfter({ startedAt, now: clock.now(), caughtUp, ...polled })
      await clock.sleep(delay, stopController.signal)
    }
  }

  return {
    async start() {
      pollStartedAt = clock.now()
      await pollOnce()
      loop = runLoop()
    },
    stop() {
      stopController.abort()
      void loop
    },
    track(transaction) {
      const hash = transaction.hash.toLowerCase()
      let resolve: (outcome: TransactionOutcome) => void = () => {}
      const promise = new Promise<TransactionOutcome>((settle) => {
        resolve = settle
      })
      const now = clock.now()
      const head = feed.head
      // Every field named, in one order: one object shape for all entries (a spread of the
      // submitter's object, whose optional fields vary, grew each entry field by field).
      const entry: PendingEntry = {
        hash,
        lane: transaction.lane,
        nonce: transaction.nonce,
        taskName: transaction.taskName,
        raw: transaction.raw,
        plainTransfer: transaction.plainTransfer,
        fees: transaction.fees,
        replace: transaction.replace,
        group: undefined,
        sentAt: now,
        sentAtBlock: head,
        firstSentAt: now,
        rebroadcast: false,
        checkAtBlock: head === undefined ? undefined : head + BigInt(checkAfterBlocks),
        checkEveryBlocks: checkAfterBlocks,
        nonceTakenOnce: false,
        underpricedBlocks: 0,
        resolve,
      }
      state.track(entry, promise)
      return promise
    },
    async reconcilePending() {
      const entries = [...state.pending.values()]
      const receipts = await Promise.all(
        entries.map((entry) =>
          rpc.request<RpcReceipt | null>("eth_getTransactionReceipt", [entry.hash], requestOptions),
        ),
      )
      let settled = 0
      for (const result of receipts) {
        if (result.isOk() && result.value !== null) {
          state.settleReceipt(result.value, undefined)
          settled += 1
        }
      }
      return settled
    },
    stats() {
      return { ...counters }
    },
    outcomeOf(hash) {
      return state.outcomeOf(hash.toLowerCase())
    },
    refuse(hash, errorCode) {
      state.refuse(hash.toLowerCase(), errorCode)
    },
    settleWithReceipt(raw) {
      state.settleReceipt(raw, undefined)
    },
    waitForSettled(timeoutMs) {
      if (state.pending.size === 0) return Promise.resolve(true)
      if (consecutiveFailures >= unreachableAfterFailures) return Promise.resolve(false)
      return new Promise<boolean>((resolve) => {
        const timeout = new AbortController()
        const wake = () => {
          state.settledWaiters.delete(wake)
          timeout.abort()
          resolve(state.pending.size === 0)
        }
        state.settledWaiters.add(wake)
        void clock.sleep(timeoutMs, timeout.signal).then(() => {
          if (!state.settledWaiters.has(wake)) return
          state.settledWaiters.delete(wake)
          resolve(state.pending.size === 0)
        })
      })
    },
    get pendingCount() {
      return state.pending.size
    },
    get head() {
      return feed.head
    },
  }
}
