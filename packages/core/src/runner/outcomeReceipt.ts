/**
 * Turns a receipt-tracker outcome into what tasks expect: the receipt, or an error for a revert,
 * a drop, or an aborted wait.
 */
import type { BaseError } from "../errors/base.js"
import { RunnerTransactionRevertedError } from "../errors/runner.js"
import { Err, Ok, type Result } from "../result.js"
import type { TransactionReceipt } from "../tasks/transactionTypes.js"
import type { TransactionOutcome } from "./receiptTracker.js"

/**
 * Waits for an outcome with an optional deadline signal, as a Result.
 *
 * @example
 * const receipt = await receiptFromOutcome(outcome, signal)
 */
export async function receiptFromOutcome(
  outcome: Promise<TransactionOutcome>,
  signal?: AbortSignal,
): Promise<Result<TransactionReceipt, BaseError>> {
  let settled: TransactionOutcome | undefined
  if (signal === undefined) settled = await outcome
  else {
    if (signal.aborted) return Err(abortReason(signal))
    let onAbort: (() => void) | undefined
    const aborted = new Promise<undefined>((resolve) => {
      onAbort = () => resolve(undefined)
      signal.addEventListener("abort", onAbort, { once: true })
    })
    settled = await Promise.race([outcome, aborted])
    if (onAbort !== undefined) signal.removeEventListener("abort", onAbort)
    if (settled === undefined) return Err(abortReason(signal))
  }
  if (settled.status === "dropped") return Err(settled.error)
  if (settled.status === "reverted")
    return Err(
      new RunnerTransactionRevertedError({
        hash: settled.receipt.hash,
        blockNumber: settled.receipt.blockNumber,
      }),
    )
  return Ok(settled.receipt)
}

/**
 * The abort reason of a signal as an error value (timeouts become a DOMException "TimeoutError").
 *
 * @example
 * return Err(abortReason(signal))
 */
export function abortReason(signal: AbortSignal): BaseError {
  const reason: unknown = signal.reason
  return (reason instanceof Error ? reason : new Error(String(reason))) as BaseError
}
