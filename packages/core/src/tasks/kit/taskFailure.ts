import { TaskFailedError, type TaskFailedErrorType } from "../../errors/task.js"
import { Err, type Result } from "../../result.js"
import type { TaskContext } from "../context.js"

/**
 * The running task's own failure (a check on chain state did not hold) as an `Err`, ready to
 * return from `run`; the task's name comes from `context.task`.
 *
 * @example
 * if (after !== before + 1n) return taskFailure(context, `counter is ${after}, expected ${before + 1n}`)
 */
export function taskFailure(
  context: Pick<TaskContext, "task">,
  reason: string,
  cause?: unknown,
): Result<never, TaskFailedErrorType> {
  return Err(new TaskFailedError({ task: context.task.name, reason, cause }) as TaskFailedErrorType)
}
