import { TaskFailedError, type TaskFailedErrorType } from "../../errors/task.js"
import { Err, type Result } from "../../result.js"

/**
 * A task's own failure (a check on chain state did not hold) as an `Err`, ready to return from
 * `run`.
 *
 * @example
 * if (after !== before + 1n) return taskFailure("increment_counter", `counter is ${after}, expected ${before + 1n}`)
 */
export function taskFailure(
  task: string,
  reason: string,
  cause?: unknown,
): Result<never, TaskFailedErrorType> {
  return Err(new TaskFailedError({ task, reason, cause }) as TaskFailedErrorType)
}
