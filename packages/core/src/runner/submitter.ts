/**
 * The submission pipeline: reserve nonce → fees from the per-block cache → sign locally → hash =
 * keccak256(raw) → journal (one DB commit for all sends of the same tick) → eth_sendRawTransaction
 * (issued in the same tick, so the RPC client sends them as one JSON-RPC batch) → settle the nonce
 * reservation. Nothing is broadcast that is not journaled first.
 */
import { keccak256 } from "ethers"
import type { BaseError } from "../errors/base.js"
import { RunnerSigningError } from "../errors/runner.js"
import type { ReleaseSenderSlot, SenderLimit } from "../inflight/senderLimit.js"
import { Err, Ok, type Result } from "../result.js"
import { classifySendOutcome } from "../rpc/sendOutcome.js"
import type { SendRequest, StandardSendRequest, TransactionReceipt } from "../tasks/transactionTypes.js"
import type { RpcReceipt } from "./chainTypes.js"
import { toQuantity } from "./chainTypes.js"
import { abortReason, receiptFromOutcome } from "./outcomeReceipt.js"
import type {
  RunnerFees,
  RunnerGasManager,
  RunnerLogger,
  RunnerNonceLane,
  RunnerNonceManager,
  RunnerNonceReservation,
  RunnerRpc,
  RunnerWallet,
} from "./ports.js"
import { silentLogger } from "./ports.js"
import type { PlainTransfer } from "./receiptDerivation.js"
import type { ReceiptTracker, TransactionOutcome } from "./receiptTracker.js"
import type { RunnerJournalRow, RunnerRecorder } from "./recorderPort.js"
import { createTimeSlices } from "./timeSlices.js"
import type { TransactionReplacer } from "./tracker/types.js"

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
 * const submitter = createSubmitter({ chainId: 31337, rpc, nonces, gas, recorder, tracker })
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

type Queued = {
  row: RunnerJournalRow
  raw: string
  plainTransfer: PlainTransfer | undefined
  lane: RunnerNonceLane
  reservation: RunnerNonceReservation
  fees: RunnerFees
  /** Same request and nonce, new fees: the tracker's replacement of a stuck transaction. */
  replace: TransactionReplacer | undefined
  /** Gives the sender's in-flight slot back: once the transaction settled or was refused. */
  releaseSlot: ReleaseSenderSlot
  resolve: (result: Result<SubmittedTransaction, BaseError>) => void
}

function sentTransaction(entry: Queued, outcome: Promise<TransactionOutcome>): SubmittedTransaction {
  const { row } = entry
  return {
    hash: row.hash,
    from: row.walletAddress,
    to: row.to,
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
 * const submitter = createSubmitter({ chainId, rpc, nonces, gas, recorder, tracker, onSent: (task) => statistics.transactionSent(task) })
 * const sent = await submitter.send({ wallet, taskName: "transfer", request: { to, value: 1n, gasLimit: 21_000n } })
 */
export function createSubmitter(parameters: {
  chainId: number
  rpc: RunnerRpc
  nonces: RunnerNonceManager
  gas: RunnerGasManager
  recorder: RunnerRecorder
  tracker: ReceiptTracker
  logger?: RunnerLogger
  /** Use eth_sendRawTransactionSync (one parameter only) and take the receipt from its answer. */
  useSendRawTransactionSync?: boolean
  /** Multiplier (percent) applied to estimates when a request has no gasLimit. */
  gasEstimateHeadroomPercent?: number
  onSent?(taskName: string): void
  onRejected?(taskName: string, error: BaseError): void
  now?: () => number
  /** CPU budget per event-loop tick for signing (default 4 ms); the rest waits for the next tick. */
  signingSliceMs?: number
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
  const headroom = BigInt(parameters.gasEstimateHeadroomPercent ?? 25)
  const gasLimitCache = new Map<string, Promise<Result<bigint, BaseError>>>()
  let queue: Queued[] = []
  let flushScheduled = false
  let sentCount = 0
  const slices = createTimeSlices({ budgetMs: parameters.signingSliceMs ?? 2 })
  const flushAtQueued = 200

  function estimate(wallet: RunnerWallet, request: StandardSendRequest) {
    return () =>
      rpc.request<string>("eth_estimateGas", [
        {
          from: wallet.address,
          ...(request.to ? { to: request.to } : {}),
          data: request.data ?? "0x",
          ...(request.value === undefined ? {} : { value: toQuantity(request.value) }),
        },
      ])
  }

  /** Estimated ONCE per call shape (target, selector, size, value or not), then cached. */
  function gasLimitFor(
    wallet: RunnerWallet,
    request: StandardSendRequest,
  ): Promise<Result<bigint, BaseError>> {
    const data = request.data ?? "0x"
    const key = `${request.to ?? "create"}:${data.slice(0, 10)}:${data.length}:${(request.value ?? 0n) > 0n}`
    if (gas.gasLimitFor !== undefined)
      return gas.gasLimitFor(key, async () => (await estimate(wallet, request)()).map(BigInt))
    let cached = gasLimitCache.get(key)
    if (cached === undefined) {
      cached = estimate(wallet, request)().then((result) =>
        result.isOk() ? Ok((BigInt(result.value) * (100n + headroom)) / 100n) : result,
      )
      gasLimitCache.set(key, cached)
      // A failed estimate is not cached: the next send of that shape tries again.
      void cached.then((result) => {
        if (result.isErr()) gasLimitCache.delete(key)
      })
    }
    return cached
  }

  function sign(
    wallet: RunnerWallet,
    request: SendRequest,
    nonce: bigint,
    fees: RunnerFees,
    gasLimit: bigint,
  ) {
    if (request.kind === "raw") return signed(request.build({ nonce, fees, chainId }))
    const common = {
      chainId,
      nonce: Number(nonce),
      gasLimit,
      to: request.to ?? null,
      data: request.data ?? "0x",
      value: request.value ?? 0n,
    }
    const transaction =
      "gasPrice" in fees ? { ...common, type: 0, gasPrice: fees.gasPrice } : { ...common, type: 2, ...fees }
    // The fast signer hashes the signed bytes it already holds; others are hashed from the hex here.
    return wallet.signTransactionWithHash?.(transaction) ?? signed(wallet.signTransaction(transaction))
  }

  function scheduleFlush() {
    if (flushScheduled) return
    flushScheduled = true
    setImmediate(() => void flush())
  }

  async function flush() {
    // A burst spread over several signing slices still becomes one journal commit and one batch:
    // wait while more of it is queued for the next slice, up to a full batch.
    if (slices.waiting > 0 && queue.length < flushAtQueued) {
      setImmediate(() => void flush())
      return
    }
    flushScheduled = false
    const batch = queue
    queue = []
    if (batch.length === 0) return
    const journaled = await recorder.journal(batch.map((entry) => entry.row))
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
        taskName: entry.row.taskName,
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
      rpc.request<unknown>(method, [entry.raw], { ...options, from: entry.row.walletAddress }),
    )
    await Promise.all(
      batch.map(async (entry, index) => {
        const result = await (results[index] as Promise<Result<unknown, BaseError>>)
        const outcome = outcomes[index] as Promise<TransactionOutcome>
        const { hash, taskName } = entry.row
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
        tracker.untrack(hash)
        entry.releaseSlot()
        recorder.update([{ hash, status: "rejected", errorCode: result.error.code }])
        parameters.onRejected?.(taskName, result.error)
        entry.resolve(Err(result.error))
      }),
    )
  }

  /** Re-signs through the same path with new fees and journals the row before anything is broadcast. */
  function replacer(
    wallet: RunnerWallet,
    request: SendRequest,
    original: RunnerJournalRow,
    nonce: bigint,
    gasLimit: bigint,
  ): TransactionReplacer {
    return async (fees) => {
      let replacement: { raw: string; hash: string }
      try {
        replacement = sign(wallet, request, nonce, fees, gasLimit)
      } catch (cause) {
        return Err(new RunnerSigningError({ address: wallet.address, nonce, cause }))
      }
      const row: RunnerJournalRow = { ...original, hash: replacement.hash.toLowerCase(), sentAt: now() }
      const journaled = await recorder.journal([row])
      if (journaled.isErr()) return journaled
      return Ok({ hash: row.hash, raw: replacement.raw })
    }
  }

  /** Gas limit, fees, nonce, signature and journal row of one send (everything before the queue). */
  async function prepare(
    wallet: RunnerWallet,
    request: SendRequest,
    taskName: string,
    signal: AbortSignal | undefined,
  ): Promise<Result<Omit<Queued, "releaseSlot" | "resolve">, BaseError>> {
    let gasLimit = 0n
    if (request.kind !== "raw") {
      if (request.gasLimit !== undefined) gasLimit = request.gasLimit
      else {
        const estimated = await gasLimitFor(wallet, request)
        if (estimated.isErr()) return estimated
        gasLimit = estimated.value
      }
    }
    const override = request.kind === "raw" ? undefined : request.fees
    const currentFees = override === undefined ? gas.currentFees() : Ok(override)
    if (currentFees.isErr()) return currentFees
    const lane: RunnerNonceLane = { chainId, address: wallet.address, nonceKey: request.nonceKey ?? 0n }
    const reserved = await nonces.reserve(lane)
    if (reserved.isErr()) return reserved
    const reservation = reserved.value
    const turn = slices.turn()
    if (turn !== undefined) await turn
    if (signal?.aborted) {
      reservation.release()
      return Err(abortReason(signal))
    }
    let raw: string
    let hash: string
    try {
      ;({ raw, hash } = sign(wallet, request, reservation.nonce, currentFees.value, gasLimit))
    } catch (cause) {
      reservation.release()
      return Err(new RunnerSigningError({ address: wallet.address, nonce: reservation.nonce, cause }))
    }
    const row: RunnerJournalRow = {
      hash: hash.toLowerCase(),
      walletAddress: wallet.address,
      nonce: reservation.nonce,
      nonceKey: lane.nonceKey,
      taskName,
      sentAt: now(),
      to: request.to ?? null,
      ...("feeToken" in request && request.feeToken !== undefined ? { feeToken: request.feeToken } : {}),
    }
    // Fees the task chose itself are its business; fees the pipeline chose may be bumped.
    const replace =
      override === undefined ? replacer(wallet, request, row, reservation.nonce, gasLimit) : undefined
    return Ok({
      row,
      raw,
      lane,
      reservation,
      fees: currentFees.value,
      replace,
      plainTransfer: plainTransferOf(request, currentFees.value),
    })
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

/** A value transfer without calldata: the tracker may settle it from its block (receiptDerivation.ts). */
function plainTransferOf(request: SendRequest, fees: RunnerFees): PlainTransfer | undefined {
  if (request.kind === "raw" || request.to === undefined || request.to === null) return undefined
  if (request.data !== undefined && request.data !== "0x" && request.data !== "") return undefined
  return { to: request.to, fees }
}

/** A signed transaction with its hash: keccak256 of the signed bytes, computed locally. */
function signed(raw: string): { raw: string; hash: string } {
  return { raw, hash: keccak256(raw) }
}
