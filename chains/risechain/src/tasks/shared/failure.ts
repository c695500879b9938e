import { Err, TaskFailedError, type TaskFailedErrorType } from "@testnet/core"

/**
 * A task's own failure (a check on chain state did not hold) as an `Err`.
 *
 * @example
 * if (after !== before + 1n) return taskFailure("increment_counter", `counter is ${after}, expected ${before + 1n}`)
 */
export function taskFailure(task: string, reason: string, cause?: unknown) {
  return Err(new TaskFailedError({ task, reason, cause }) as TaskFailedErrorType)
}
