import type { BaseError } from "../../errors/base.js"
import { Ok, type Result } from "../../result.js"
import type { TaskContext } from "../context.js"
import type { SendRequest, SentTransaction, TransactionReceipt } from "../transactionTypes.js"

/**
 * A transaction sent by the task and included with status success, with its receipt.
 *
 * @example
 * const { sent, receipt } = confirmed
 */
export type ConfirmedTransaction = { readonly sent: SentTransaction; readonly receipt: TransactionReceipt }

/**
 * Sends `request` and waits for its receipt; succeeds only when the transaction was included with
 * status success (a revert, or a silent drop past the runner's receipt deadline, is an error).
 *
 * @example
 * const done = await sendAndConfirm(context, { to: counter, data, gasLimit: 200_000n })
 * if (done.isErr()) return done
 * const { sent, receipt } = done.value
 */
export async function sendAndConfirm(
  context: Pick<TaskContext, "send" | "waitForReceipt">,
  request: SendRequest,
): Promise<Result<ConfirmedTransaction, BaseError>> {
  const sent = await context.send(request)
  if (sent.isErr()) return sent
  const receipt = await context.waitForReceipt(sent.value.hash)
  if (receipt.isErr()) return receipt
  return Ok({ sent: sent.value, receipt: receipt.value })
}
