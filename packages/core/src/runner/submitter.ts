/**
 * The submission pipeline: reserve nonce → fees from the per-block cache → sign locally → hash =
 * keccak256(raw) → journal (one DB commit for all sends of the same tick) → eth_sendRawTransaction
 * (issued in the same tick, so the RPC client sends them as one JSON-RPC batch) → settle the nonce
 * reservation. Nothing is broadcast that is not journaled first.
 */
import type { RunRecorder } from "../database/recorder.js"
import type { BaseError } from "../errors/base.js"
import type { ReleaseSenderSlot, SenderLimit } from "../inflight/senderLimit.js"
import { Err, Ok, type Result } from "../result.js"
import { classifySendOutcome } from "../rpc/sendOutcome.js"
import type { SendRequest, TransactionReceipt } from "../tasks/transactionTypes.js"
import type { RpcReceipt } from "./chainTypes.js"
import { createGasLimitEstimates } from "./gasLimitEstimates.js"
import { abortReason, receiptFromOutcome } from "./outcomeReceipt.js"
import type { RunnerGasManager, RunnerLogger, RunnerNonceManager, RunnerRpc, RunnerWallet } from "./ports.js"
import { silentLogger } from "./ports.js"
import type { ReceiptTracker, TransactionOutcome } from "./receiptTracker.js"
import { createTimeSlices } from "./scheduling/timeSlices.js"
import { createSendPreparation, type PreparedSend } from "./sendPreparation.js"

/**
 * A transaction the node accepted, already knew, or may have (an unknown send outcome: the
 * tracker settles it like any other).
 *
 * @example
 * const sent = (await submitter.send({ wallet, request, taskName })).unwrap()
 * const receipt = await sent.wait()
 */
export type SubmittedTransaction = {
  readonly hash: string
  readonly from: string
  readonly to: string | null
  readonly nonce: bigint
  readonly nonceKey: bigint
  /** Unix milliseconds when it was journaled, right before the broadcast. */
  readonly sentAt: number
  /** Settles when the receipt tracker sees the receipt or the deadline passes. */
  outcome: Promise<TransactionOutcome>
  /** The receipt, or an error when the transaction reverted, was dropped, or the signal aborted. */
  wait(signal?: AbortSignal): Promise<Result<TransactionReceipt, BaseError>>
}

/**
 * The pipeline.
 *
 * @example
 * const submitter = createSubmitter({ chainId: 31337, runId, rpc, nonces, gas, recorder, tracker })
 */
export type Submitter = {
  send(parameters: {
    wallet: RunnerWallet
    request: SendRequest
    taskName: string
    signal?: AbortSignal
  }): Promise<Result<SubmittedTransaction, BaseError>>
  /** Sends accepted by the node so far (for RPC-per-transaction accounting). */
  readonly sentCount: number
}

type Queued = PreparedSend & {
  /** Gives the sender's in-flight slot back: once the transaction settled or was refused. */
  releaseSlot: ReleaseSenderSlot
  resolve: (result: Result<SubmittedTransaction, BaseError>) => void
}

function sentTransaction(entry: Queued, outcome: Promise<TransactionOutcome>): SubmittedTransaction {
  const { row } = entry
  return {
    hash: row.hash,
    from: row.wallet,
    to: entry.to,
    nonce: row.nonce,
    nonceKey: row.nonceKey,
    sentAt: row.sentAt,
    outcome,
    wait: (signal?: AbortSignal) => receiptFromOutcome(outcome, signal),
  }
}

/**
 * Creates the submission pipeline.
 *
 * @example
 * const submitter = createSubmitter({ chainId, runId, rpc, nonces, gas, recorder, tracker, onSent: (task) => statistics.transactionSent(task) })
 * const sent = await submitter.send({ wallet, taskName: "transfer", request: { to, value: 1n, gasLimit: 21_000n } })
 */
export function createSubmitter(parameters: {
  chainId: number
  /** The run the journal rows belong to. */
  runId: string
  rpc: RunnerRpc
  nonces: RunnerNonceManager
  gas: RunnerGasManager
  recorder: RunRecorder
  tracker: ReceiptTracker
  logger?: RunnerLogger
  /** Use eth_sendRawTransactionSync (one parameter only) and take the receipt from its answer. */
  useSendRawTransactionSync?: boolean
  onSent?(taskName: string): void
  onRejected?(taskName: string, error: BaseError): void
  now?: () => number
  /** CPU budget per event-loop tick for signing (default 2 ms); the rest waits for the next tick. */
  signingSliceMs?: number
  /**
   * A burst still being signed leaves in parts of this many sends (default 50): one journal commit
   * and one RPC batch each. Smaller parts leave earlier — a wave of 1,000 sends woken by one block's
   * receipts is signed over ~0.1–0.3 s, and gathering 200 before the first broadcast cost them the
   * next block (ADR 0016) — larger ones cost fewer commits and HTTP requests.
   */
  flushAtQueued?: number
  /**
   * At most `limit` transactions in flight per sender (reth `max_account_slots`, tempo
   * `tt_2d_pool.rs`: 16): a send waits for a slot before its nonce is reserved, and the slot comes
   * back when the transaction settles (included, reverted, dropped) or is refused. Default: none.
   */
  senderLimit?: SenderLimit
}): Submitter {
  const { chainId, rpc, nonces, gas, recorder, tracker } = parameters
  const logger = parameters.logger ?? silentLogger
  const now = parameters.now ?? Date.now
  let queue: Queued[] = []
  let flushScheduled = false
  let sentCount = 0
  const slices = createTimeSlices({ budgetMs: parameters.signingSliceMs ?? 2 })
  const flushAtQueued = parameters.flushAtQueued ?? 50
  const { prepare } = createSendPreparation({
    chainId,
    runId: parameters.runId,
    gas,
    nonces,
    recorder,
    slices,
    now,
    estimates: createGasLimitEstimates({ rpc, gas }),
  })

  function scheduleFlush() {
    if (flushScheduled) return
    flushScheduled = true
    setImmediate(() => void flush())
  }

  async function flush() {
    // A burst spread over several signing slices becomes few journal commits and batches: wait
    // while more of it is queued for the next slice, up to `flushAtQueued` sends.
    if (slices.waiting > 0 && queue.length < flushAtQueued) {
      setImmediate(() => void flush())
      return
    }
    flushScheduled = false
    const batch = queue
    queue = []
    if (batch.length === 0) return
    const journaled = await recorder.journalTransactions(batch.map((entry) => entry.row))
    if (journaled.isErr()) {
      // Not durable → not broadcast. The nonces go back to their lanes.
      for (const entry of batch) {
        entry.reservation.release()
        entry.releaseSlot()
        entry.resolve(Err(journaled.error))
      }
      return
    }
    // Register, then broadcast everything in this tick: the RPC client coalesces it into one batch.
    const outcomes = batch.map((entry) => {
      const outcome = tracker.track({
        hash: entry.row.hash,
        lane: entry.lane,
        nonce: entry.row.nonce,
        taskName: entry.row.task,
        raw: entry.raw,
        fees: entry.fees,
        ...(entry.replace === undefined ? {} : { replace: entry.replace }),
        ...(entry.plainTransfer === undefined ? {} : { plainTransfer: entry.plainTransfer }),
      })
      // The slot is the pool's: it is free again once the transaction left the pool (settled).
      void outcome.then(entry.releaseSlot, entry.releaseSlot)
      return outcome
    })
    const method = parameters.useSendRawTransactionSync
      ? "eth_sendRawTransactionSync"
      : "eth_sendRawTransaction"
    // `from` routes through the wallet's sticky proxy; the sync variant waits up to a block (anvil: 30 s max).
    const options = parameters.useSendRawTransactionSync ? { timeoutMs: 35_000 } : {}
    const results = batch.map((entry) =>
      rpc.request<unknown>(method, [entry.raw], { ...options, from: entry.row.wallet }),
    )
    await Promise.all(
      batch.map(async (entry, index) => {
        const result = await (results[index] as Promise<Result<unknown, BaseError>>)
        const outcome = outcomes[index] as Promise<TransactionOutcome>
        const { hash, task: taskName } = entry.row
        if (result.isOk()) {
          entry.reservation.markSubmitted(tracker.head)
          sentCount += 1
          parameters.onSent?.(taskName)
          if (
            parameters.useSendRawTransactionSync &&
            typeof result.value === "object" &&
            result.value !== null
          )
            tracker.settleWithReceipt(result.value as RpcReceipt)
          else if (typeof result.value === "string" && result.value.toLowerCase() !== hash)
            logger.warn({ hash, nodeHash: result.value }, "node returned a different transaction hash")
          entry.resolve(Ok(sentTransaction(entry, outcome)))
          return
        }
        // Three outcomes (ADR 0013): only a refusal that proves the transaction is not in a pool
        // frees its nonce; an unknown outcome (internal error, timeout, EIP-7966 code 4/5 …) stays
        // pending with its nonce held, counts as sent, and the tracker finds out what happened.
        if (entry.reservation.markRejected(result.error, tracker.head) === "submitted") {
          sentCount += 1
          parameters.onSent?.(taskName)
          const sendOutcome = classifySendOutcome(result.error)
          if (sendOutcome.kind === "unknown") {
            if (sendOutcome.hash !== undefined && sendOutcome.hash !== hash)
              logger.warn({ hash, nodeHash: sendOutcome.hash }, "node named a different transaction hash")
            logger.debug(
              { hash, code: result.error.code, reason: sendOutcome.reason },
              "send outcome unknown",
            )
          }
          entry.resolve(Ok(sentTransaction(entry, outcome)))
          return
        }
        tracker.refuse(hash, result.error.code)
        entry.releaseSlot()
        parameters.onRejected?.(taskName, result.error)
        entry.resolve(Err(result.error))
      }),
    )
  }

  return {
    async send({ wallet, request, taskName, signal }) {
      if (signal?.aborted) return Err(abortReason(signal))
      // Waits for an in-flight slot of this sender BEFORE the nonce is reserved: a waiting send
      // holds no nonce, so the sender's lane never has a hole behind a queued transaction.
      let releaseSlot: ReleaseSenderSlot = () => {}
      if (parameters.senderLimit !== undefined) {
        const slot = await parameters.senderLimit.acquire(wallet.address, signal)
        if (slot.isErr()) return signal?.aborted ? Err(abortReason(signal)) : slot
        releaseSlot = slot.value
      }
      const prepared = await prepare(wallet, request, taskName, signal)
      if (prepared.isErr()) {
        releaseSlot()
        return prepared
      }
      return new Promise<Result<SubmittedTransaction, BaseError>>((resolve) => {
        queue.push({ ...prepared.value, releaseSlot, resolve })
        scheduleFlush()
      })
    },
    get sentCount() {
      return sentCount
    },
  }
}
