import { Ok, type Result } from "../../result.js"
import { createTaskOutcome, type TaskOutcome } from "../outcome.js"
import type { SentTransaction } from "../transactionTypes.js"

/**
 * The successful outcome of a task that sent `transactions` (undefined entries, e.g. a deploy that
 * was skipped because an earlier contract was reused, are left out), with notes.
 *
 * @example
 * return succeeded([deployment, sent], [`counter ${address} → 3`])
 */
export function succeeded(
  transactions: readonly (SentTransaction | undefined)[],
  notes: readonly string[] = [],
): Result<TaskOutcome, never> {
  return Ok<TaskOutcome>(
    createTaskOutcome({
      transactions: transactions.filter((transaction) => transaction !== undefined),
      notes,
    }),
  )
}
