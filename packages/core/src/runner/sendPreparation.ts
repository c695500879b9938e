/**
 * The part of a send before its queue: gas limit, fees, nonce reservation, local signature and
 * journal row — and, for fees the pipeline chose, the replacement callback the tracker uses on a
 * stuck transaction (same request, same nonce, new fees, journaled before broadcast; ADR 0014).
 */

import type { RunRecorder } from "../database/recorder.js"
import type { JournalRow } from "../database/rows.js"
import type { BaseError } from "../errors/base.js"
import { RunnerSigningError } from "../errors/runner.js"
import { Err, Ok, type Result } from "../result.js"
import type { SendRequest } from "../tasks/transactionTypes.js"
import type { GasLimitEstimates } from "./gasLimitEstimates.js"
import { abortReason } from "./outcomeReceipt.js"
import type {
  RunnerFees,
  RunnerGasManager,
  RunnerNonceLane,
  RunnerNonceManager,
  RunnerNonceReservation,
  RunnerWallet,
} from "./ports.js"
import type { PlainTransfer } from "./receiptDerivation.js"
import type { TimeSlices } from "./scheduling/timeSlices.js"
import { plainTransferOf, signRequest } from "./signRequest.js"
import type { TransactionReplacer } from "./tracker/types.js"

/**
 * A send signed and ready to be journaled and broadcast.
 *
 * @example
 * const prepared: PreparedSend = (await preparation.prepare(wallet, request, "transfer", signal)).unwrap()
 */
export type PreparedSend = {
  row: JournalRow
  /** The recipient (null: a deployment or a raw transaction without one). */
  to: string | null
  raw: string
  plainTransfer: PlainTransfer | undefined
  lane: RunnerNonceLane
  reservation: RunnerNonceReservation
  fees: RunnerFees
  /** Same request and nonce, new fees: the tracker's replacement of a stuck transaction. */
  replace: TransactionReplacer | undefined
}

/**
 * Creates the preparation step of the submitter.
 *
 * @example
 * const { prepare } = createSendPreparation({ chainId, runId, gas, nonces, recorder, slices, now: Date.now, estimates })
 */
export function createSendPreparation(parameters: {
  chainId: number
  runId: string
  gas: RunnerGasManager
  nonces: RunnerNonceManager
  recorder: RunRecorder
  slices: TimeSlices
  now: () => number
  estimates: GasLimitEstimates
}) {
  const { chainId, runId, gas, nonces, recorder, slices, now, estimates } = parameters

  function sign(
    wallet: RunnerWallet,
    request: SendRequest,
    nonce: bigint,
    fees: RunnerFees,
    gasLimit: bigint,
  ) {
    return signRequest({ chainId, wallet, request, nonce, fees, gasLimit })
  }

  /** Re-signs through the same path with new fees and journals the row before anything is broadcast. */
  function replacer(
    wallet: RunnerWallet,
    request: SendRequest,
    original: JournalRow,
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
      const row: JournalRow = { ...original, hash: replacement.hash.toLowerCase(), sentAt: now() }
      const journaled = await recorder.journalTransactions([row])
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
  ): Promise<Result<PreparedSend, BaseError>> {
    let gasLimit = 0n
    if (request.kind !== "raw") {
      if (request.gasLimit !== undefined) gasLimit = request.gasLimit
      else {
        const estimated = await estimates.gasLimitFor(wallet, request)
        if (estimated.isErr()) return estimated
        gasLimit = estimated.value
      }
    }
    const override = request.kind === "raw" ? undefined : request.fees
    const currentFees = override === undefined ? gas.currentFees() : Ok(override)
    if (currentFees.isErr()) return currentFees
    const lane: RunnerNonceLane = { chainId, address: wallet.address, nonceKey: request.nonceKey ?? 0n }
    // A key the task drew at random for this run starts at nonce 0: no read (ignored once known).
    if (request.freshNonceKey === true && lane.nonceKey !== 0n) nonces.learn?.(lane, 0n)
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
    const row: JournalRow = {
      hash: hash.toLowerCase(),
      runId,
      chainId,
      wallet: wallet.address,
      nonceKey: lane.nonceKey,
      nonce: reservation.nonce,
      task: taskName,
      sentAt: now(),
      ...("feeToken" in request && request.feeToken !== undefined ? { feeToken: request.feeToken } : {}),
    }
    // Fees the task chose itself are its business; fees the pipeline chose may be bumped.
    const replace =
      override === undefined ? replacer(wallet, request, row, reservation.nonce, gasLimit) : undefined
    return Ok({
      row,
      to: request.to ?? null,
      raw,
      lane,
      reservation,
      fees: currentFees.value,
      replace,
      plainTransfer: plainTransferOf(request, currentFees.value),
    })
  }

  return { prepare }
}
