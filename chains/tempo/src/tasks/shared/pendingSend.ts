import {
  type BaseError,
  type ConfirmedTransaction,
  Ok,
  type Result,
  type SendRequest,
  type SentTransaction,
  type TaskContext,
  type TransactionReceipt,
} from "@testnet/core"

/**
 * A transaction a task sent without waiting for it, so that the next step can go out right
 * behind it: the next step's send is started before this one is even accepted, so both reach the
 * node in the same batch as a rule and the chain runs them in nonce order, usually in the same
 * block. (The pipeline reserves nonces in the order sends are started: the per-sender slot and
 * the lane's nonce are taken first come, first served, and a lane's first fetch is shared.) Its
 * acceptance and receipt are waited for later, together with the steps after it ({@link confirmAll}).
 *
 * @example
 * const creation = sendPending(context, request)
 * const confirmed = await creation.confirmed()
 */
export type PendingTransaction = {
  /** Resolves once the node accepted the transaction, or with the refusal. */
  readonly accepted: Promise<Result<SentTransaction, BaseError>>
  /**
   * The transaction and its receipt with status success, waited for once (a refusal, a revert, a
   * drop or a failed check is an error).
   */
  confirmed(): Promise<Result<ConfirmedTransaction, BaseError>>
}

/**
 * Starts sending `request` and returns at once (see {@link PendingTransaction}). The request needs
 * a fixed gas limit when it depends on a step not mined yet: an estimate would run against a state
 * that does not exist yet. `check` runs on the successful receipt when it is waited for (e.g. the
 * log the step must have left, and what the run remembers once it is mined).
 *
 * @example
 * const pending = sendPending(context, tempoRequest(context.wallet, { calls, gasLimit }))
 */
export function sendPending(
  context: Pick<TaskContext, "send" | "waitForReceipt">,
  request: SendRequest,
  check?: (receipt: TransactionReceipt) => Result<unknown, BaseError>,
): PendingTransaction {
  const accepted = context.send(request)
  let confirmation: Promise<Result<ConfirmedTransaction, BaseError>> | undefined
  async function waitAndCheck(): Promise<Result<ConfirmedTransaction, BaseError>> {
    const sent = await accepted
    if (sent.isErr()) return sent
    const receipt = await context.waitForReceipt(sent.value.hash)
    if (receipt.isErr()) return receipt
    const checked = check?.(receipt.value)
    if (checked?.isErr()) return checked
    return Ok({ sent: sent.value, receipt: receipt.value })
  }
  return {
    accepted,
    confirmed: () => {
      confirmation ??= waitAndCheck()
      return confirmation
    },
  }
}

/** What {@link confirmAll} gives for `T`: each step's transaction and receipt, undefined for a skipped one. */
export type ConfirmedSteps<T extends readonly (PendingTransaction | undefined)[]> = {
  readonly [K in keyof T]: T[K] extends PendingTransaction
    ? ConfirmedTransaction
    : ConfirmedTransaction | undefined
}

/**
 * Waits for every pending step (undefined entries, e.g. a setup step that was not needed, are
 * skipped) and gives their transactions and receipts in the same order; the first failed step in
 * that order is the error (a failed setup step explains a failed step behind it).
 *
 * @example
 * const mined = await confirmAll([market.creation, seed, swap] as const)
 * if (mined.isErr()) return mined
 * const swapReceipt = mined.value[2].receipt
 */
export async function confirmAll<const T extends readonly (PendingTransaction | undefined)[]>(
  pending: T,
): Promise<Result<ConfirmedSteps<T>, BaseError>> {
  const results = await Promise.all(pending.map((step) => step?.confirmed()))
  const confirmed: (ConfirmedTransaction | undefined)[] = []
  for (const result of results) {
    if (result === undefined) confirmed.push(undefined)
    else if (result.isErr()) return result
    else confirmed.push(result.value)
  }
  return Ok(confirmed as unknown as ConfirmedSteps<T>)
}

/**
 * The sent transactions of confirmed steps, for a task's outcome (undefined entries left out).
 *
 * @example
 * return succeeded(sentOf(mined.value), notes)
 */
export function sentOf(steps: readonly (ConfirmedTransaction | undefined)[]): SentTransaction[] {
  return steps.flatMap((step) => (step === undefined ? [] : [step.sent]))
}
