import type { BaseError } from "../../errors/base.js"
import {
  TaskExpectedFailureDidNotFailError,
  type TaskExpectedFailureDidNotFailErrorType,
} from "../../errors/task.js"
import { Err, Ok, type Result } from "../../result.js"
import type { TaskContext } from "../context.js"
import { createTaskOutcome, type TaskOutcome } from "../outcome.js"
import type { SendRequest, SentTransaction } from "../transactionTypes.js"

/**
 * The negative test of a task marked `expectedFailure`: sends `request` (with a fixed gas limit —
 * an estimate of a reverting call fails), or takes a send the task already started right behind
 * an earlier step (`{ accepted }`), and succeeds only when the chain mined it with status 0.
 * The outcome lists `earlier` (e.g. the deploy of the reverting contract, undefined entries
 * skipped) and the reverted transaction, and is marked `expectedFailure`. A transaction that
 * succeeds is a `TaskExpectedFailureDidNotFailError`; any other error passes through.
 *
 * @example
 * return sendExpectingRevert(context, { to: reverter, data, gasLimit: 100_000n }, [target.value.deployment])
 */
export async function sendExpectingRevert(
  context: Pick<TaskContext, "send" | "waitForReceipt" | "task">,
  request: SendRequest | { readonly accepted: Promise<Result<SentTransaction, BaseError>> },
  earlier: readonly (SentTransaction | undefined)[] = [],
): Promise<Result<TaskOutcome, BaseError>> {
  const sent = await ("accepted" in request ? request.accepted : context.send(request))
  if (sent.isErr()) return sent
  const receipt = await context.waitForReceipt(sent.value.hash)
  if (receipt.isOk())
    return Err(
      new TaskExpectedFailureDidNotFailError({
        task: context.task.name,
        hash: sent.value.hash,
      }) as TaskExpectedFailureDidNotFailErrorType,
    )
  if (receipt.error.code !== "RUNNER_TRANSACTION_REVERTED") return receipt
  return Ok(
    createTaskOutcome({
      transactions: [...earlier.filter((transaction) => transaction !== undefined), sent.value],
      expectedFailure: true,
      notes: [`reverted as expected: ${sent.value.hash}`],
    }),
  )
}
