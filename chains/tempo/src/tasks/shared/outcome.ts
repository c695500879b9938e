import type { TaskOutcome } from "@testnet/core"
import { createTaskOutcome, Ok, type SentTransaction, type TaskContext } from "@testnet/core"

/**
 * Sends `request` and waits for its receipt; the task succeeds only when the transaction was
 * included with status success (a revert or a silent drop — the runner's receipt deadline — is an error).
 *
 * @example
 * const done = await sendAndConfirm(context, { to: token, data, gasLimit: tempoGasLimits.tip20Transfer })
 * if (done.isErr()) return done
 * const { sent, receipt } = done.value
 */
export async function sendAndConfirm(context: TaskContext, request: Parameters<TaskContext["send"]>[0]) {
  const sent = await context.send(request)
  if (sent.isErr()) return sent
  const receipt = await context.waitForReceipt(sent.value.hash)
  if (receipt.isErr()) return receipt
  return Ok({ sent: sent.value, receipt: receipt.value })
}

/**
 * The successful outcome of a task that sent `transactions`, with notes.
 *
 * @example
 * return succeeded([sent], [`amount=${amount}`])
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
