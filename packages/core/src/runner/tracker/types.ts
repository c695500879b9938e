/**
 * The receipt tracker's public types and the options of `createReceiptTracker`.
 */

import type { RunRecorder } from "../../database/recorder.js"
import type { BaseError } from "../../errors/base.js"
import type { RunnerReceiptDeadlineErrorType } from "../../errors/runner.js"
import type { Result } from "../../result.js"
import type { TransactionReceipt } from "../../tasks/transactionTypes.js"
import type { RpcReceipt } from "../chainTypes.js"
import type {
  RunnerFees,
  RunnerGasManager,
  RunnerLogger,
  RunnerNonceLane,
  RunnerNonceManager,
  RunnerRpc,
} from "../ports.js"
import type { PlainTransfer } from "../receiptDerivation.js"
import type { Clock } from "../scheduling/clock.js"

/**
 * How a tracked transaction ended.
 *
 * @example
 * if (outcome.status === "dropped") console.log(outcome.error.message)
 */
export type TransactionOutcome =
  | { status: "included" | "reverted"; receipt: TransactionReceipt }
  | { status: "dropped"; error: RunnerReceiptDeadlineErrorType }

/**
 * A transaction handed to the tracker right after it was journaled (before broadcast).
 *
 * @example
 * const outcome = tracker.track({ hash, lane, nonce: 3n, taskName: "transfer" })
 */
export type TrackedTransaction = {
  hash: string
  lane: RunnerNonceLane
  nonce: bigint
  taskName: string
  /** Kept to re-broadcast once when the node does not know the transaction (silently dropped). */
  raw?: string | undefined
  /** Set for a plain value transfer (no calldata): its receipt may be derived from the block. */
  plainTransfer?: PlainTransfer | undefined
  /** The fees it was signed with (a stuck transaction is replaced with {@link replace}). */
  fees?: RunnerFees | undefined
  /** Re-signs the same request with the same nonce and `fees`, journals it (not broadcast yet). */
  replace?: TransactionReplacer | undefined
}

/**
 * The submitter's signing path for a replacement: the same request and nonce signed with new
 * fees, its journal row committed before it returns (nothing is broadcast that is not journaled).
 *
 * @example
 * const replace: TransactionReplacer = async (fees) => Ok({ hash: "0x…", raw: "0x02…" })
 */
export type TransactionReplacer = (
  fees: RunnerFees,
) => Promise<Result<{ hash: string; raw: string }, BaseError>>

/**
 * The transactions sharing one nonce after a replacement (internal to the tracker): whichever is
 * mined settles all of them; only `latest` is looked up by drop detection and replaced again.
 *
 * @example
 * const group: ReplacementGroup = { members: [entry], latest: entry, replacing: false, capped: false }
 */
export type ReplacementGroup = {
  members: PendingEntry[]
  latest: PendingEntry
  /** A replacement is being signed or broadcast. */
  replacing: boolean
  /** The minimum bump was above the cap once (logged once). */
  capped: boolean
}

/**
 * Hooks the runner plugs into the tracker.
 *
 * @example
 * const events: TrackerEvents = { onSettled: (transaction, outcome, latencyMs) => statistics.transactionIncluded(...) }
 */
export type TrackerEvents = {
  onSettled?(transaction: TrackedTransaction, outcome: TransactionOutcome, latencyMs: number): void
  onBlock?(header: {
    number: bigint
    timestamp: number
    miner: string | undefined
    transactionCount: number
  }): void
}

/**
 * The receipt tracker.
 *
 * @example
 * const tracker = createReceiptTracker({ rpc, recorder, nonces, gas })
 * await tracker.start()
 * const outcome = await tracker.track({ hash, lane, nonce, taskName })
 */
export type ReceiptTracker = {
  /** Polls the head once and processes it (fills the fee cache), then keeps polling. */
  start(): Promise<void>
  stop(): void
  track(transaction: TrackedTransaction): Promise<TransactionOutcome>
  /**
   * The node refused the broadcast (proof it is in no pool): the journal row ends `failed` with
   * `errorCode`, and the transaction is forgotten without settling statistics.
   */
  refuse(hash: string, errorCode: string): void
  /** A receipt obtained elsewhere (eth_sendRawTransactionSync). */
  settleWithReceipt(raw: RpcReceipt): void
  /** Resolves true when nothing is pending any more, false at the timeout. */
  waitForSettled(timeoutMs: number): Promise<boolean>
  /** One receipt lookup (one batch) for everything still pending; settles what landed. */
  reconcilePending(): Promise<number>
  /** The outcome of a transaction this run sent (pending, or among the last settled ones). */
  outcomeOf(hash: string): Promise<TransactionOutcome> | undefined
  /** How receipts were obtained so far. */
  stats(): ReceiptTrackerStats
  readonly pendingCount: number
  readonly head: bigint | undefined
}

/**
 * Counters of a receipt tracker.
 *
 * @example
 * const { receiptsFetched, receiptsDerived, droppedDetected } = tracker.stats()
 */
export type ReceiptTrackerStats = {
  /** Receipts read from the node (block receipts count each receipt). */
  receiptsFetched: number
  /** Plain transfers settled from their block (see receiptDerivation.ts). */
  receiptsDerived: number
  blocksProcessed: number
  /** Transactions looked up by hash because they were late (drop detection). */
  lookups: number
  /** Transactions offered once more because the node did not know them. */
  rebroadcasts: number
  /** Transactions settled `dropped`: unknown to the node, or their nonce taken by another one. */
  droppedDetected: number
  /** Stuck transactions replaced (same nonce, bumped fees). */
  replacements: number
}

/**
 * The chain's mined nonce of a lane ("latest"), for keyed lanes (nonceKey ≠ 0); protocol lanes
 * are read with `eth_getTransactionCount(address, "latest")` in the lookup batch.
 *
 * @example
 * const chainNonceOf: ChainNonceReader = async (lane) => readNonceKey(rpc, lane.address, lane.nonceKey)
 */
export type ChainNonceReader = (lane: RunnerNonceLane) => Promise<Result<bigint, unknown>>

/**
 * The nonce manager as the tracker uses it: `markDropped` (optional) makes a dropped
 * transaction's nonce reusable at once (gap fill).
 *
 * @example
 * const nonces: TrackerNonceManager = createNonceManager({ fetchPendingNonce })
 */
export type TrackerNonceManager = RunnerNonceManager & {
  markDropped?(lane: RunnerNonceLane, nonce: bigint): boolean
}

/**
 * The gas manager as the tracker uses it: fed each new block, asked for replacement fees (it never
 * estimates gas limits).
 *
 * @example
 * const gas: TrackerGasManager = createGasManager({ eip1559: true })
 */
export type TrackerGasManager = Omit<RunnerGasManager, "gasLimitFor">

/**
 * Options of `createReceiptTracker`.
 *
 * @example
 * const options: ReceiptTrackerOptions = { rpc, recorder, nonces, gas, dropCheckAfterBlocks: 4, requestTimeoutMs: 3000 }
 */
export type ReceiptTrackerOptions = {
  rpc: RunnerRpc
  recorder: RunRecorder
  nonces?: TrackerNonceManager
  gas?: TrackerGasManager
  clock?: Clock
  logger?: RunnerLogger
  events?: TrackerEvents
  /** Head poll interval (default 200, at most 250) where no steady block time is known. */
  pollIntervalMs?: number
  /**
   * Poll interval around a block's expected arrival (default 25), on chains whose headers show a
   * steady block time: the tracker sleeps until shortly before the next block is due.
   */
  fastPollIntervalMs?: number
  /** Outer deadline: a transaction the node still holds after this many blocks… */
  dropAfterBlocks?: number
  /** …or this long is offered once more, then settled dropped (default 30 blocks, 60 000 ms). */
  dropAfterMs?: number
  /** Blocks fetched per poll when catching up. */
  maxBlocksPerPoll?: number
  /**
   * Asked once per poll that finds new blocks, in the same batch as the headers, and passed to
   * `gas.updateFromBlock` as the observed priority fee (EIP-1559) or gas price (legacy).
   */
  priorityFeeMethod?: "eth_maxPriorityFeePerGas" | "eth_gasPrice"
  /** Consecutive failed head polls after which `waitForSettled` gives up early (default 12 ≈ 3 s). */
  unreachableAfterFailures?: number
  /** Settle plain transfers to proven-codeless recipients from the block (default true). */
  deriveTransferReceipts?: boolean
  /** How long a recipient's codeless proof holds before one real receipt re-checks it (default 60 000). */
  verifyRecipientEveryMs?: number
  /**
   * Drop detection (default true): a transaction without receipt after `dropCheckAfterBlocks` is
   * looked up (one batch per poll: by hash, and its sender's mined nonce). Unknown to the node
   * and nonce not reached → re-broadcast once, then `dropped` (nonce reusable); nonce passed
   * without our receipt → another transaction took it → `dropped` and resync.
   */
  dropDetection?: boolean
  /** Blocks without receipt before the first lookup (default 4); doubles while the node holds it. */
  dropCheckAfterBlocks?: number
  /** Lookups per poll at most (default 256); the oldest go first. */
  maxLookupsPerPoll?: number
  /** Mined nonce of keyed lanes (nonceKey ≠ 0); without it those lanes skip the nonce test. */
  chainNonceOf?: ChainNonceReader
  /** Per-request deadline of the tracker's light reads (default 3000 ms): a hung read fails fast. */
  requestTimeoutMs?: number
  /** Per-request deadline of `eth_getBlockReceipts` (default 10 000 ms; big blocks take long). */
  receiptTimeoutMs?: number
  /** A light read unanswered this long is sent once more, first answer wins (default 1000 ms; block receipts: 3×; 0 = off). */
  hedgeAfterMs?: number
  /**
   * Replacement of stuck transactions (default true; needs `gas.bump`): a transaction whose
   * maxFeePerGas stayed below the base fee for `replaceAfterBlocks` blocks (default 3) — EIP-1559:
   * it cannot be included — or pending `replaceAfterMs` (default 45 000) is signed again with the
   * same nonce and fees bumped by at least the node's minimum, up to the cap.
   */
  replacement?: boolean
  replaceAfterBlocks?: number
  replaceAfterMs?: number
}

/** A tracked transaction while it waits (internal to the tracker). */
export type PendingEntry = TrackedTransaction & {
  sentAt: number
  sentAtBlock: bigint | undefined
  /** First broadcast time, for latency (sentAt restarts on re-broadcast). */
  firstSentAt: number
  rebroadcast: boolean
  /** The head at which drop detection looks it up next (undefined: set from the first head). */
  checkAtBlock: bigint | undefined
  /** Blocks until the next lookup; doubles each time the node says it still holds it. */
  checkEveryBlocks: number
  /** The chain's nonce was seen past ours once without our receipt: confirmed on the next look. */
  nonceTakenOnce: boolean
  /** Blocks in a row whose base fee was above its maxFeePerGas. */
  underpricedBlocks: number
  /** Set once it was replaced or is a replacement. */
  group?: ReplacementGroup | undefined
  resolve: (outcome: TransactionOutcome) => void
}

/**
 * The per-request options of the tracker's reads: high priority (never queued behind sends), a
 * short deadline and a hedge for the light reads; a longer deadline and a later hedge for block
 * receipts, which anvil needs 600–800 ms to read for a block of 2,000 (ADR 0012).
 *
 * @example
 * const { light, receipts } = trackerRequestOptions({ requestTimeoutMs: 3000, receiptTimeoutMs: 10_000, hedgeAfterMs: 1000 })
 * await rpc.request("eth_blockNumber", [], light)
 */
export function trackerRequestOptions(options: {
  requestTimeoutMs: number
  receiptTimeoutMs: number
  hedgeAfterMs: number
}) {
  const hedge = (delayMs: number) => (options.hedgeAfterMs > 0 ? { hedgeAfterMs: delayMs } : {})
  return {
    light: { priority: "high" as const, timeoutMs: options.requestTimeoutMs, ...hedge(options.hedgeAfterMs) },
    receipts: {
      priority: "high" as const,
      timeoutMs: options.receiptTimeoutMs,
      ...hedge(options.hedgeAfterMs * 3),
    },
  }
}

/**
 * Options every tracker read carries (see {@link trackerRequestOptions}).
 *
 * @example
 * const options: TrackerRequestOptions = { priority: "high", timeoutMs: 3000 }
 */
export type TrackerRequestOptions = { priority: "high"; timeoutMs: number; hedgeAfterMs?: number }
