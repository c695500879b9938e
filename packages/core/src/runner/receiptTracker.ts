/**
 * Watches the chain head and settles every broadcast transaction: one header per new block
 * (fees + the list of included hashes); plain transfers to recipients proven codeless settle from
 * the block itself (receiptDerivation.ts); a block with any other tracked hash is read with one
 * `eth_getBlockReceipts`; a deadline catches transactions that never land. Never a receipt poll
 * per transaction, and the tracker's calls jump the send queue (high priority).
 */
import type { BaseError } from "../errors/base.js"
import { RunnerReceiptDeadlineError, type RunnerReceiptDeadlineErrorType } from "../errors/runner.js"
import {
  parseReceipt,
  type RpcBlockHeader,
  type RpcReceipt,
  type TransactionReceipt,
  toQuantity,
} from "./chainTypes.js"
import { type Clock, systemClock } from "./clock.js"
import type {
  RunnerGasManager,
  RunnerLogger,
  RunnerNonceLane,
  RunnerNonceManager,
  RunnerRpc,
} from "./ports.js"
import { silentLogger } from "./ports.js"
import { createVerifiedRecipients, deriveTransferReceipt, type PlainTransfer } from "./receiptDerivation.js"
import type { RunnerRecorder } from "./recorderPort.js"

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
  /** Kept to re-broadcast once at the deadline (silently dropped transactions). */
  raw?: string
  /** Set for a plain value transfer (no calldata): its receipt may be derived from the block. */
  plainTransfer?: PlainTransfer
}

type PendingEntry = TrackedTransaction & {
  sentAt: number
  sentAtBlock: bigint | undefined
  /** First broadcast time, for latency (sentAt restarts on re-broadcast). */
  firstSentAt: number
  rebroadcast: boolean
  resolve: (outcome: TransactionOutcome) => void
}

/**
 * Hooks the runner plugs into the tracker.
 *
 * @example
 * const events: TrackerEvents = { onSettled: (transaction, outcome, latencyMs) => statistics.transactionIncluded(...) }
 */
export type TrackerEvents = {
  onSettled?(transaction: TrackedTransaction, outcome: TransactionOutcome, latencyMs: number): void
  onBlock?(header: { number: bigint; timestamp: number; transactionCount: number }): void
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
  /** The broadcast failed: forget the transaction without settling statistics. */
  untrack(hash: string): void
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
 * const { receiptsFetched, receiptsDerived } = tracker.stats()
 */
export type ReceiptTrackerStats = {
  /** Receipts read from the node (block receipts count each receipt). */
  receiptsFetched: number
  /** Plain transfers settled from their block (see receiptDerivation.ts). */
  receiptsDerived: number
  blocksProcessed: number
}

/** High priority: the tracker's few calls must not wait behind hundreds of queued sends. */
const urgent = { priority: "high" } as const

/** What the tracker knows of a block from its header. */
type BlockFacts = { number: bigint; timestamp: number; baseFeePerGas: bigint | null }

function isMethodUnsupported(error: BaseError): boolean {
  const text = `${error.code} ${error.message}`.toLowerCase()
  return /method.?not.?(found|supported|available)|-32601|unsupported method|does not exist/.test(text)
}

/**
 * Creates a receipt tracker.
 *
 * @example
 * const tracker = createReceiptTracker({ rpc, recorder, nonces, gas, pollIntervalMs: 200, dropAfterBlocks: 30, dropAfterMs: 60_000 })
 */
export function createReceiptTracker(parameters: {
  rpc: RunnerRpc
  recorder: RunnerRecorder
  nonces?: RunnerNonceManager
  gas?: RunnerGasManager
  clock?: Clock
  logger?: RunnerLogger
  events?: TrackerEvents
  pollIntervalMs?: number
  dropAfterBlocks?: number
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
}): ReceiptTracker {
  const { rpc, recorder, nonces, gas, events = {} } = parameters
  const clock = parameters.clock ?? systemClock
  const logger = parameters.logger ?? silentLogger
  const pollIntervalMs = Math.min(parameters.pollIntervalMs ?? 200, 250)
  const dropAfterBlocks = parameters.dropAfterBlocks ?? 30
  const dropAfterMs = parameters.dropAfterMs ?? 60_000
  const maxBlocksPerPoll = parameters.maxBlocksPerPoll ?? 50

  const pending = new Map<string, PendingEntry>()
  /** Recently dropped hashes: if one lands later after all, the journal is corrected. */
  const dropped = new Map<string, PendingEntry>()
  const settledWaiters = new Set<() => void>()
  const promises = new Map<string, Promise<TransactionOutcome>>()
  const recentOutcomes = new Map<string, TransactionOutcome>()
  const stopController = new AbortController()
  let head: bigint | undefined
  let lastProcessed: bigint | undefined
  let blockReceiptsSupported = true
  let consecutiveFailures = 0
  const unreachableAfterFailures = parameters.unreachableAfterFailures ?? 12
  let priorityFeeMethod = parameters.priorityFeeMethod
  let loop: Promise<void> | undefined
  const deriveTransfers = parameters.deriveTransferReceipts ?? true
  const recipients = createVerifiedRecipients({
    verifyEveryMs: parameters.verifyRecipientEveryMs ?? 60_000,
    now: () => clock.now(),
  })
  const settlesPerTick = 256
  const counters: ReceiptTrackerStats = { receiptsFetched: 0, receiptsDerived: 0, blocksProcessed: 0 }

  function settle(entry: PendingEntry, outcome: TransactionOutcome) {
    pending.delete(entry.hash)
    const latencyMs = clock.now() - entry.firstSentAt
    if (outcome.status === "dropped") {
      recorder.update([{ hash: entry.hash, status: "dropped", errorCode: outcome.error.code }])
    } else {
      const { receipt } = outcome
      recorder.update([
        {
          hash: entry.hash,
          status: outcome.status,
          includedBlock: receipt.blockNumber,
          ...(receipt.blockTimestamp === undefined ? {} : { includedAt: receipt.blockTimestamp * 1000 }),
          gasUsed: receipt.gasUsed,
          effectiveGasPrice: receipt.effectiveGasPrice,
        },
      ])
      nonces?.confirm(entry.lane, entry.nonce + 1n)
    }
    promises.delete(entry.hash)
    recentOutcomes.set(entry.hash, outcome)
    if (recentOutcomes.size > 10_000) recentOutcomes.delete(recentOutcomes.keys().next().value as string)
    events.onSettled?.(entry, outcome, latencyMs)
    entry.resolve(outcome)
    if (pending.size === 0) for (const wake of settledWaiters) wake()
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
    recorder.update([
      {
        hash,
        status,
        includedBlock: receipt.blockNumber,
        ...(blockTimestamp === undefined ? {} : { includedAt: blockTimestamp * 1000 }),
        gasUsed: receipt.gasUsed,
        effectiveGasPrice: receipt.effectiveGasPrice,
      },
    ])
    nonces?.confirm(late.lane, late.nonce + 1n)
  }

  async function fetchReceipts(block: bigint, hashes: string[]): Promise<RpcReceipt[]> {
    // Always the whole block where the node has the method: anvil 1.7.1's eth_getTransactionReceipt
    // reported a wrong gasUsed for transactions read right after their block was mined (the first
    // increment's 43112 where the block's receipts, and the same call later, say 26012).
    if (blockReceiptsSupported) {
      const result = await rpc.request<RpcReceipt[] | null>(
        "eth_getBlockReceipts",
        [toQuantity(block)],
        urgent,
      )
      if (result.isOk()) {
        counters.receiptsFetched += result.value?.length ?? 0
        return result.value ?? []
      }
      if (!isMethodUnsupported(result.error)) throw result.error
      blockReceiptsSupported = false
      logger.info({}, "eth_getBlockReceipts is not supported; falling back to per-transaction receipts")
    }
    // Receipts of OUR hashes in this block only, issued together (one batch).
    const results = await Promise.all(
      hashes.map((hash) => rpc.request<RpcReceipt | null>("eth_getTransactionReceipt", [hash], urgent)),
    )
    counters.receiptsFetched += hashes.length
    const receipts: RpcReceipt[] = []
    for (const result of results) {
      if (result.isErr()) throw result.error
      if (result.value !== null) receipts.push(result.value)
    }
    return receipts
  }

  async function processBlocks(from: bigint, to: bigint) {
    const numbers: bigint[] = []
    for (let number = from; number <= to; number += 1n) numbers.push(number)
    // All headers of the catch-up range (and the fee hint) in one batch.
    const priorityRequest =
      priorityFeeMethod === undefined ? undefined : rpc.request<string>(priorityFeeMethod, [], urgent)
    const headers = await Promise.all(
      numbers.map((number) =>
        rpc.request<RpcBlockHeader | null>("eth_getBlockByNumber", [toQuantity(number), false], urgent),
      ),
    )
    let priorityFee: bigint | undefined
    if (priorityRequest !== undefined) {
      const answer = await priorityRequest
      if (answer.isOk()) priorityFee = BigInt(answer.value)
      else if (isMethodUnsupported(answer.error)) priorityFeeMethod = undefined
    }
    for (const [index, result] of headers.entries()) {
      const number = numbers[index] as bigint
      if (result.isErr()) throw result.error
      const header = result.value
      if (header === null) return // not yet visible on this endpoint; retry next poll
      const timestamp = Number(BigInt(header.timestamp))
      const baseFeePerGas =
        header.baseFeePerGas === undefined || header.baseFeePerGas === null
          ? null
          : BigInt(header.baseFeePerGas)
      gas?.updateFromBlock(
        { number, baseFeePerGas, gasLimit: BigInt(header.gasLimit) },
        index === headers.length - 1 ? priorityFee : undefined,
      )
      await settleBlock({ number, timestamp, baseFeePerGas }, header.transactions)
      lastProcessed = number
      counters.blocksProcessed += 1
      events.onBlock?.({ number, timestamp, transactionCount: header.transactions.length })
    }
  }

  /** The receipt of a tracked plain transfer written from its block, when its recipient is proven. */
  function receiptFromBlock(entry: PendingEntry, block: BlockFacts) {
    const transfer = deriveTransfers ? entry.plainTransfer : undefined
    const gasUsed = transfer === undefined ? undefined : recipients.gasUsedFor(transfer.to)
    if (transfer === undefined || gasUsed === undefined) return undefined
    return deriveTransferReceipt({ hash: entry.hash, from: entry.lane.address, transfer, gasUsed, block })
  }

  /**
   * Settles this block's tracked hashes: written from the block where the recipient is proven;
   * otherwise read — one probe per unproven recipient first, so that (where the node reads
   * receipts one by one) the rest of that recipient's transfers can still be written.
   */
  async function settleBlock(block: BlockFacts, transactions: readonly string[]) {
    const fetch: string[] = []
    const later: PendingEntry[] = []
    const probed = new Set<string>()
    const derived: [PendingEntry, TransactionReceipt][] = []
    for (const listed of transactions) {
      const hash = listed.toLowerCase()
      const entry = pending.get(hash)
      if (entry === undefined) {
        if (dropped.has(hash)) fetch.push(hash)
        continue
      }
      const receipt = receiptFromBlock(entry, block)
      if (receipt !== undefined) derived.push([entry, receipt])
      else if (entry.plainTransfer === undefined || !deriveTransfers) fetch.push(hash)
      else {
        const to = entry.plainTransfer.to.toLowerCase()
        if (probed.has(to)) later.push(entry)
        else {
          probed.add(to)
          fetch.push(hash)
        }
      }
    }
    // Block receipts (the usual answer) settle every tracked hash of the block, derived ones too.
    if (fetch.length > 0) await settleFetched(block, fetch)
    const unproven: string[] = []
    for (const entry of later) {
      if (!pending.has(entry.hash)) continue
      const receipt = receiptFromBlock(entry, block)
      if (receipt === undefined) unproven.push(entry.hash)
      else derived.push([entry, receipt])
    }
    if (unproven.length > 0) await settleFetched(block, unproven)
    for (const [index, [entry, receipt]] of derived.entries()) {
      // A block of thousands settles in slices: each settle resolves a task's promise and
      // queues a journal update; done in one go it would hold the event loop for tens of ms.
      if (index > 0 && index % settlesPerTick === 0)
        await new Promise<void>((resolve) => setImmediate(resolve))
      if (!pending.has(entry.hash)) continue
      counters.receiptsDerived += 1
      settle(entry, { status: "included", receipt })
    }
  }

  async function settleFetched(block: BlockFacts, hashes: string[]) {
    // Block receipts settle more than asked for (e.g. transfers waiting for a probe): all real.
    for (const receipt of await fetchReceipts(block.number, hashes)) settleReceipt(receipt, block.timestamp)
  }

  async function checkDeadlines() {
    if (pending.size === 0) return
    const now = clock.now()
    const expired: PendingEntry[] = []
    const rebroadcasts: PendingEntry[] = []
    // Insertion order is send order, so the oldest come first.
    for (const entry of pending.values()) {
      const waitedBlocks =
        head !== undefined && entry.sentAtBlock !== undefined ? Number(head - entry.sentAtBlock) : 0
      if (waitedBlocks < dropAfterBlocks && now - entry.sentAt < dropAfterMs) break
      expired.push(entry)
    }
    if (expired.length === 0) return
    // Last chance before declaring them dropped: a direct receipt lookup, in one batch.
    const receipts = await Promise.all(
      expired.map((entry) =>
        rpc.request<RpcReceipt | null>("eth_getTransactionReceipt", [entry.hash], urgent),
      ),
    )
    for (const [index, entry] of expired.entries()) {
      const result = receipts[index]
      if (result?.isOk() && result.value !== null) {
        settleReceipt(result.value, undefined)
        continue
      }
      if (result?.isErr()) continue
      if (!entry.rebroadcast && entry.raw !== undefined) {
        // First deadline: the node may have dropped it silently; offer it once more.
        entry.rebroadcast = true
        rebroadcasts.push(entry)
        continue
      }
      const error = new RunnerReceiptDeadlineError({
        hash: entry.hash,
        address: entry.lane.address,
        nonce: entry.nonce,
        waitedMs: Math.round(now - entry.sentAt),
        waitedBlocks:
          head !== undefined && entry.sentAtBlock !== undefined ? Number(head - entry.sentAtBlock) : 0,
      }) as RunnerReceiptDeadlineErrorType
      dropped.set(entry.hash, entry)
      if (dropped.size > 10_000) dropped.delete(dropped.keys().next().value as string)
      settle(entry, { status: "dropped", error })
      // The nonce may be free again (silent drop) or taken: ask the chain.
      void nonces?.resync(entry.lane)
    }
    if (rebroadcasts.length === 0) return
    const answers = await Promise.all(
      rebroadcasts.map((entry) => rpc.request<string>("eth_sendRawTransaction", [entry.raw])),
    )
    for (const [index, entry] of rebroadcasts.entries()) {
      // Restart the clock: accepted or already known, it gets a second full deadline.
      pending.delete(entry.hash)
      pending.set(entry.hash, { ...entry, sentAt: clock.now(), sentAtBlock: head })
      const answer = answers[index]
      logger.info(
        { hash: entry.hash, answer: answer === undefined || answer.isOk() ? "accepted" : answer.error.code },
        "re-broadcast a transaction without receipt",
      )
    }
  }

  async function pollOnce() {
    const result = await rpc.request<string>("eth_blockNumber", [], urgent)
    if (result.isErr()) {
      consecutiveFailures += 1
      logger.warn({ code: result.error.code, consecutiveFailures }, "head poll failed")
      // The node is gone (e.g. a devnet killed by the same Ctrl-C): waiting out the grace period is pointless.
      if (consecutiveFailures === unreachableAfterFailures) for (const wake of settledWaiters) wake()
      return
    }
    consecutiveFailures = 0
    head = BigInt(result.value)
    if (lastProcessed === undefined) lastProcessed = head - 1n
    if (head > lastProcessed) {
      const to =
        head - lastProcessed > BigInt(maxBlocksPerPoll) ? lastProcessed + BigInt(maxBlocksPerPoll) : head
      try {
        await processBlocks(lastProcessed + 1n, to)
      } catch (error) {
        logger.warn({ code: (error as BaseError).code ?? "UNKNOWN" }, "block processing failed; retrying")
      }
    }
    await checkDeadlines()
    if (head !== undefined && nonces?.findGaps !== undefined) {
      for (const gap of nonces.findGaps(head, dropAfterBlocks)) {
        // Nonces that never reached the chain: resync so the lane hands them out again (fillers).
        logger.warn(
          {
            address: gap.lane.address,
            kind: gap.kind,
            expected: gap.expected.toString(),
            found: gap.found.toString(),
          },
          "nonce gap detected",
        )
        if (gap.kind === "missing") void nonces.resync(gap.lane)
      }
    }
  }

  async function runLoop() {
    while (!stopController.signal.aborted) {
      const started = clock.now()
      await pollOnce()
      const wait = pollIntervalMs - (clock.now() - started)
      await clock.sleep(Math.max(wait, 10), stopController.signal)
    }
  }

  return {
    async start() {
      await pollOnce()
      loop = runLoop()
    },
    stop() {
      stopController.abort()
      void loop
    },
    track(transaction) {
      const hash = transaction.hash.toLowerCase()
      const promise = new Promise<TransactionOutcome>((resolve) => {
        const now = clock.now()
        pending.set(hash, {
          ...transaction,
          hash,
          sentAt: now,
          sentAtBlock: head,
          firstSentAt: now,
          rebroadcast: false,
          resolve,
        })
      })
      promises.set(hash, promise)
      return promise
    },
    async reconcilePending() {
      const entries = [...pending.values()]
      const receipts = await Promise.all(
        entries.map((entry) => rpc.request<RpcReceipt | null>("eth_getTransactionReceipt", [entry.hash])),
      )
      let settled = 0
      for (const result of receipts) {
        if (result.isOk() && result.value !== null) {
          settleReceipt(result.value, undefined)
          settled += 1
        }
      }
      return settled
    },
    stats() {
      return { ...counters }
    },
    outcomeOf(hash) {
      const key = hash.toLowerCase()
      const settled = recentOutcomes.get(key)
      return settled === undefined ? promises.get(key) : Promise.resolve(settled)
    },
    untrack(hash) {
      pending.delete(hash.toLowerCase())
      promises.delete(hash.toLowerCase())
      if (pending.size === 0) for (const wake of settledWaiters) wake()
    },
    settleWithReceipt(raw) {
      settleReceipt(raw, undefined)
    },
    waitForSettled(timeoutMs) {
      if (pending.size === 0) return Promise.resolve(true)
      if (consecutiveFailures >= unreachableAfterFailures) return Promise.resolve(false)
      return new Promise<boolean>((resolve) => {
        const timeout = new AbortController()
        const wake = () => {
          settledWaiters.delete(wake)
          timeout.abort()
          resolve(pending.size === 0)
        }
        settledWaiters.add(wake)
        void clock.sleep(timeoutMs, timeout.signal).then(() => {
          if (!settledWaiters.has(wake)) return
          settledWaiters.delete(wake)
          resolve(pending.size === 0)
        })
      })
    },
    get pendingCount() {
      return pending.size
    },
    get head() {
      return head
    },
  }
}
