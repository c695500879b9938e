import {
  type BaseError,
  createTaskOutcome,
  Err,
  Ok,
  type Result,
  type SendRequest,
  type SentTransaction,
  type TaskContext,
  TaskExpectedFailureDidNotFailError,
  type TaskExpectedFailureDidNotFailErrorType,
  type TaskOutcome,
  type TransactionReceipt,
} from "@testnet/core"

/**
 * A transaction a task sent without waiting for it, so that the next step can go out right
 * behind it (the next nonce of the same lane: the chain runs them in nonce order, usually in the
 * same block). Its receipt is waited for later, together with the steps after it ({@link confirmAll}).
 *
 * @example
 * const creation = (await sendPending(context, request)).unwrap()
 * const receipt = await creation.confirmed()
 */
export type PendingTransaction = {
  readonly sent: SentTransaction
  /** Its receipt with status success, waited for once (a revert, a drop or a failed check is an error). */
  confirmed(): Promise<Result<TransactionReceipt, BaseError>>
}

/**
 * Sends `request` (it needs a fixed gas limit when it depends on a step not yet mined: an estimate
 * would run against a state that does not exist yet) and returns once the node accepted it.
 * `check` runs on the successful receipt when it is waited for (e.g. the log the step must have
 * left, and what the run remembers once it is mined).
 *
 * @example
 * const pending = await sendPending(context, tempoRequest(context.wallet, { calls, gasLimit }))
 * if (pending.isErr()) return pending
 */
export async function sendPending(
  context: Pick<TaskContext, "send" | "waitForReceipt">,
  request: SendRequest,
  check?: (receipt: TransactionReceipt) => Result<unknown, BaseError>,
): Promise<Result<PendingTransaction, BaseError>> {
  const sent = await context.send(request)
  if (sent.isErr()) return sent
  const hash = sent.value.hash
  let receipt: Promise<Result<TransactionReceipt, BaseError>> | undefined
  async function waitAndCheck(): Promise<Result<TransactionReceipt, BaseError>> {
    const landed = await context.waitForReceipt(hash)
    if (landed.isErr() || check === undefined) return landed
    const checked = check(landed.value)
    return checked.isErr() ? checked : landed
  }
  return Ok({
    sent: sent.value,
    confirmed: () => {
      receipt ??= waitAndCheck()
      return receipt
    },
  })
}

/** The receipts {@link confirmAll} gives for `T`: one per pending step, undefined for a skipped one. */
export type ConfirmedReceipts<T extends readonly (PendingTransaction | undefined)[]> = {
  readonly [K in keyof T]: T[K] extends PendingTransaction
    ? TransactionReceipt
    : TransactionReceipt | undefined
}

/**
 * Waits for every pending step (undefined entries, e.g. a setup step that was not needed, are
 * skipped) and gives their receipts in the same order; the first failed step in that order is the
 * error (a failed setup step explains a failed step behind it).
 *
 * @example
 * const receipts = await confirmAll([market.creation, seed, swap] as const)
 * if (receipts.isErr()) return receipts
 * const [, , swapReceipt] = receipts.value
 */
export async function confirmAll<const T extends readonly (PendingTransaction | undefined)[]>(
  pending: T,
): Promise<Result<ConfirmedReceipts<T>, BaseError>> {
  const results = await Promise.all(pending.map((step) => step?.confirmed()))
  const receipts: (TransactionReceipt | undefined)[] = []
  for (const result of results) {
    if (result === undefined) receipts.push(undefined)
    else if (result.isErr()) return result
    else receipts.push(result.value)
  }
  return Ok(receipts as unknown as ConfirmedReceipts<T>)
}

/**
 * The sent transactions of `steps` for a task's outcome (undefined entries left out).
 *
 * @example
 * return succeeded(sentOf([market.creation, swap]), notes)
 */
export function sentOf(steps: readonly (PendingTransaction | undefined)[]): SentTransaction[] {
  return steps.flatMap((step) => (step === undefined ? [] : [step.sent]))
}

/**
 * The negative test's ending for a transaction sent without waiting (core's `sendExpectingRevert`
 * for a step that went out right behind another): succeeds only when the chain mined `pending`
 * with status 0, with an outcome marked `expectedFailure` listing `earlier` and it. A transaction
 * that succeeded is a `TaskExpectedFailureDidNotFailError`; any other error passes through.
 *
 * @example
 * return confirmExpectedRevert(context, transfer.value, sentOf([token.creation, policy]))
 */
export async function confirmExpectedRevert(
  context: Pick<TaskContext, "task">,
  pending: PendingTransaction,
  earlier: readonly SentTransaction[],
): Promise<Result<TaskOutcome, BaseError>> {
  const receipt = await pending.confirmed()
  if (receipt.isOk())
    return Err(
      new TaskExpectedFailureDidNotFailError({
        task: context.task.name,
        hash: pending.sent.hash,
      }) as TaskExpectedFailureDidNotFailErrorType,
    )
  if (receipt.error.code !== "RUNNER_TRANSACTION_REVERTED") return receipt
  return Ok(
    createTaskOutcome({
      transactions: [...earlier, pending.sent],
      expectedFailure: true,
      notes: [`reverted as expected: ${pending.sent.hash}`],
    }),
  )
}
