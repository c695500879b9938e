import {
  createTaskOutcome,
  Ok,
  type SendRequest,
  type SentTransaction,
  type TaskContext,
  type TaskOutcome,
} from "@testnet/core"

/**
 * Sends `request` and waits for its receipt; succeeds only when it was included with status
 * success (a revert, or a silent drop past the runner's receipt deadline, is an error).
 *
 * @example
 * const done = await sendAndConfirm(context, { to: counter, data, gasLimit: riseGasLimits.contractCall })
 * if (done.isErr()) return done
 * const { sent, receipt } = done.value
 */
export async function sendAndConfirm(context: TaskContext, request: SendRequest) {
  const sent = await context.send(request)
  if (sent.isErr()) return sent
  const receipt = await context.waitForReceipt(sent.value.hash)
  if (receipt.isErr()) return receipt
  return Ok({ sent: sent.value, receipt: receipt.value })
}

/**
 * The successful outcome of a task that sent `transactions` (undefined entries skipped), with notes.
 *
 * @example
 * return succeeded([deployment, sent], [`counter ${address} → 3`])
 */
export function succeeded(
  transactions: readonly (SentTransaction | undefined)[],
  notes: readonly string[] = [],
) {
  return Ok<TaskOutcome>(
    createTaskOutcome({
      transactions: transactions.filter((transaction) => transaction !== undefined),
      notes,
    }),
  )
}
