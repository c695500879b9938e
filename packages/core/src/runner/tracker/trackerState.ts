/**
 * What the tracker holds: pending transactions, recently dropped ones (a late landing corrects
 * the journal), recent outcomes, and the waiters of `waitForSettled`. Settling writes the
 * journal, confirms the nonce and resolves the task's promise — the one place that does so.
 */
import type { RunRecorder } from "../../database/recorder.js"
import { revertedErrorCode, type TransactionUpdate } from "../../database/rows.js"
import type { TransactionReceipt } from "../../tasks/transactionTypes.js"
import { parseReceipt, type RpcReceipt } from "../chainTypes.js"
import type { RunnerLogger } from "../ports.js"
import type { VerifiedRecipients } from "../receiptDerivation.js"
import type { Clock } from "../scheduling/clock.js"
import type { PendingEntry, TrackerEvents, TrackerNonceManager, TransactionOutcome } from "./types.js"

/**
 * The journal's two inclusion times: `includedAt` is when this run observed the block (wall-clock
 * Unix ms, the same clock as `sent_at`; the tracker's own clock is monotonic, not Unix), and
 * `blockTimestamp` the block's own time. Latency is measured from the first: block timestamps
 * have 1 s resolution and often precede the send.
 */
function inclusionTimes(blockTimestamp: number | undefined) {
  return {
    includedAt: Date.now(),
    ...(blockTimestamp === undefined ? {} : { blockTimestamp: blockTimestamp * 1000 }),
  }
}

/** The journal update of a mined transaction: `included`, or `failed` with the code `REVERTED`. */
function minedUpdate(
  hash: string,
  receipt: TransactionReceipt,
  blockTimestamp: number | undefined,
): TransactionUpdate {
  const mined = {
    hash,
    status: receipt.status === "success" ? ("included" as const) : ("failed" as const),
    includedBlock: receipt.blockNumber,
    ...inclusionTimes(blockTimestamp),
    gasUsed: receipt.gasUsed,
    effectiveGasPrice: receipt.effectiveGasPrice,
  }
  return receipt.status === "success" ? mined : { ...mined, errorCode: revertedErrorCode }
}

/** How many dropped entries are remembered (a late landing still corrects the journal). */
const droppedMemory = 10_000

/**
 * How many settled outcomes are remembered for `outcomeOf`. A task finds its own sends in its
 * context however long ago they settled, and a wait begun before settlement holds the outcome's
 * promise; so this serves only a hash from elsewhere asked about after it settled (no task of the
 * repository's catalogs does). An outcome holds its receipt with every log (~1.5 KB in the Tempo
 * catalog): 10,000 of them were the largest thing a 500 tx/s run kept alive, and 1,000 of them
 * are an estimated ~1.5 MB of the ~55 MB live heap, which V8 lets grow ~4× before a full collection.
 */
const outcomeMemory = 128

/**
 * The tracker's state and its settle operations.
 *
 * @example
 * const state = createTrackerState({ recorder, clock, logger, events, recipients })
 * state.settleReceipt(raw, blockTimestamp)
 */
export type TrackerState = ReturnType<typeof createTrackerState>

/**
 * Creates the tracker's state.
 *
 * @example
 * const state = createTrackerState({ recorder, nonces, clock, logger, events: {}, recipients })
 */
export function createTrackerState(parameters: {
  recorder: RunRecorder
  nonces: TrackerNonceManager | undefined
  clock: Clock
  logger: RunnerLogger
  events: TrackerEvents
  recipients: VerifiedRecipients
}) {
  const { recorder, nonces, clock, logger, events, recipients } = parameters
  const pending = new Map<string, PendingEntry>()
  const dropped = new Map<string, PendingEntry>()
  const promises = new Map<string, Promise<TransactionOutcome>>()
  const recentOutcomes = new Map<string, TransactionOutcome>()
  const settledWaiters = new Set<() => void>()

  function remember<Value>(map: Map<string, Value>, key: string, value: Value, limit: number) {
    map.set(key, value)
    if (map.size > limit) map.delete(map.keys().next().value as string)
  }

  function wakeWaiters() {
    for (const wake of settledWaiters) wake()
  }

  /** Members of a replacement group other than `winner` leave with status `replaced`. */
  function retireGroup(winner: PendingEntry, outcome: TransactionOutcome) {
    for (const member of winner.group?.members ?? []) {
      if (member === winner || !pending.has(member.hash)) continue
      pending.delete(member.hash)
      promises.delete(member.hash)
      recorder.updateTransactions([{ hash: member.hash, status: "replaced", replacedBy: winner.hash }])
      // Not in any pool any more unless mined late: a late receipt still corrects the journal.
      if (outcome.status === "dropped") remember(dropped, member.hash, member, droppedMemory)
    }
  }

  function settle(entry: PendingEntry, outcome: TransactionOutcome) {
    const group = entry.group
    if (group !== undefined && outcome.status === "dropped" && entry !== group.latest) {
      // A superseded member gone from the pool: its replacement still decides the outcome.
      pending.delete(entry.hash)
      promises.delete(entry.hash)
      recorder.updateTransactions([{ hash: entry.hash, status: "replaced", replacedBy: group.latest.hash }])
      return
    }
    retireGroup(entry, outcome)
    pending.delete(entry.hash)
    const latencyMs = clock.now() - entry.firstSentAt
    if (outcome.status === "dropped") {
      recorder.updateTransactions([{ hash: entry.hash, status: "dropped", errorCode: outcome.error.code }])
      remember(dropped, entry.hash, entry, droppedMemory)
    } else {
      recorder.updateTransactions([minedUpdate(entry.hash, outcome.receipt, outcome.receipt.blockTimestamp)])
      nonces?.confirm(entry.lane, entry.nonce + 1n)
    }
    promises.delete(entry.hash)
    remember(recentOutcomes, entry.hash, outcome, outcomeMemory)
    events.onSettled?.(entry, outcome, latencyMs)
    entry.resolve(outcome)
    if (pending.size === 0) wakeWaiters()
  }

  function settleReceipt(raw: RpcReceipt, blockTimestamp: number | undefined) {
    const hash = raw.transactionHash.toLowerCase()
    const entry = pending.get(hash)
    const receipt = parseReceipt(raw, blockTimestamp)
    const status = receipt.status === "success" ? "included" : "reverted"
    if (entry?.plainTransfer !== undefined) recipients.learn(receipt)
    if (entry !== undefined) return settle(entry, { status, receipt })
    const late = dropped.get(hash)
    if (late === undefined) return
    // Marked dropped earlier but mined after all: correct the journal, keep the statistics honest.
    dropped.delete(hash)
    logger.warn(
      { hash, block: receipt.blockNumber.toString() },
      "a transaction marked dropped was mined later",
    )
    recorder.updateTransactions([minedUpdate(hash, receipt, blockTimestamp)])
    nonces?.confirm(late.lane, late.nonce + 1n)
  }

  function track(entry: PendingEntry, promise: Promise<TransactionOutcome>) {
    pending.set(entry.hash, entry)
    promises.set(entry.hash, promise)
  }

  /** A replacement of `previous` joins it: same nonce, same outcome promise. */
  function join(member: PendingEntry, previous: PendingEntry): boolean {
    const promise = promises.get(previous.hash)
    if (promise === undefined || !pending.has(previous.hash)) return false
    pending.set(member.hash, member)
    promises.set(member.hash, promise)
    return true
  }

  /** A replacement the node refused: it leaves, `previous` is the latest again. */
  function leave(member: PendingEntry) {
    pending.delete(member.hash)
    promises.delete(member.hash)
  }

  /** The node refused the broadcast (proof it is in no pool): the row ends `failed` with the node's code. */
  function refuse(hash: string, errorCode: string) {
    pending.delete(hash)
    promises.delete(hash)
    recorder.updateTransactions([{ hash, status: "failed", errorCode }])
    if (pending.size === 0) wakeWaiters()
  }

  function outcomeOf(hash: string): Promise<TransactionOutcome> | undefined {
    const settled = recentOutcomes.get(hash)
    return settled === undefined ? promises.get(hash) : Promise.resolve(settled)
  }

  return {
    pending,
    dropped,
    settledWaiters,
    settle,
    settleReceipt,
    track,
    join,
    leave,
    refuse,
    outcomeOf,
    wakeWaiters,
  }
}
