import { BaseError } from "./base.js"

/**
 * A task name that is not in the catalog. The message lists the available names.
 *
 * @example
 * const error = new TaskNotFoundError({ name: "tranfser", available: ["transfer", "deploy"] })
 * error.shortMessage // 'Unknown task "tranfser".'
 */
export class TaskNotFoundError extends BaseError {
  override name = "TaskNotFoundError"
  readonly taskName: string
  readonly available: readonly string[]
  constructor(parameters: { name: string; available: readonly string[] }) {
    const suggestion = closest(parameters.name, parameters.available)
    super(`Unknown task "${parameters.name}".`, {
      code: "TASK_NOT_FOUND",
      metaMessages: [
        ...(suggestion === undefined ? [] : [`Did you mean "${suggestion}"?`]),
        `Available tasks: ${parameters.available.length === 0 ? "(none)" : parameters.available.join(", ")}`,
      ],
    })
    this.taskName = parameters.name
    this.available = parameters.available
  }
}
/**
 * {@link TaskNotFoundError} narrowed by name, for unions of error types.
 *
 * @example
 * if (error.name === "TaskNotFoundError") console.error(error.shortMessage)
 */
export type TaskNotFoundErrorType = TaskNotFoundError & { name: "TaskNotFoundError" }

/**
 * Two tasks in one catalog share a name (a catalog bug: thrown by `createTaskRegistry`).
 *
 * @example
 * new TaskDuplicateNameError({ name: "transfer" }).code // "TASK_DUPLICATE_NAME"
 */
export class TaskDuplicateNameError extends BaseError {
  override name = "TaskDuplicateNameError"
  constructor(parameters: { name: string }) {
    super(`Two tasks are named "${parameters.name}".`, {
      code: "TASK_DUPLICATE_NAME",
      metaMessages: ["Task names must be unique within a chain's catalog."],
    })
  }
}
/**
 * {@link TaskDuplicateNameError} narrowed by name, for unions of error types.
 *
 * @example
 * if (error.name === "TaskDuplicateNameError") console.error(error.shortMessage)
 */
export type TaskDuplicateNameErrorType = TaskDuplicateNameError & { name: "TaskDuplicateNameError" }

/**
 * A task did not finish within its time budget (it was aborted through `context.signal`).
 *
 * @example
 * new TaskTimedOutError({ task: "deploy_counter", timeoutMs: 180_000 }).shortMessage
 * // 'Task "deploy_counter" timed out after 180000 ms.'
 */
export class TaskTimedOutError extends BaseError {
  override name = "TaskTimedOutError"
  readonly task: string
  readonly timeoutMs: number
  constructor(parameters: { task: string; timeoutMs: number; cause?: unknown }) {
    super(`Task "${parameters.task}" timed out after ${parameters.timeoutMs} ms.`, {
      code: "TASK_TIMED_OUT",
      cause: parameters.cause,
      metaMessages: ["Raise task_timeout_ms, or check that the node is mining (receipts may never come)."],
    })
    this.task = parameters.task
    this.timeoutMs = parameters.timeoutMs
  }
}
/**
 * {@link TaskTimedOutError} narrowed by name, for unions of error types.
 *
 * @example
 * if (error.name === "TaskTimedOutError") console.error(error.shortMessage)
 */
export type TaskTimedOutErrorType = TaskTimedOutError & { name: "TaskTimedOutError" }

/**
 * A task failed. `cause` holds the underlying error (RPC, revert, …); the short message includes
 * the cause's own short message when it is a framework error.
 *
 * @example
 * new TaskFailedError({ task: "transfer", cause: new Error("boom") }).shortMessage // 'Task "transfer" failed.'
 */
export class TaskFailedError extends BaseError {
  override name = "TaskFailedError"
  readonly task: string
  constructor(parameters: { task: string; cause: unknown; reason?: string }) {
    const reason =
      parameters.reason ??
      (BaseError.isInstance(parameters.cause) ? parameters.cause.shortMessage : undefined)
    super(`Task "${parameters.task}" failed${reason === undefined ? "." : `: ${reason}`}`, {
      code: "TASK_FAILED",
      cause: parameters.cause,
    })
    this.task = parameters.task
  }
}
/**
 * {@link TaskFailedError} narrowed by name, for unions of error types.
 *
 * @example
 * if (error.name === "TaskFailedError") console.error(error.shortMessage)
 */
export type TaskFailedErrorType = TaskFailedError & { name: "TaskFailedError" }

/**
 * A task that is supposed to fail (a negative test, e.g. a transfer above the balance) succeeded.
 *
 * @example
 * new TaskExpectedFailureDidNotFailError({ task: "overdraw", hash: "0xabc" }).code // "TASK_EXPECTED_FAILURE_SUCCEEDED"
 */
export class TaskExpectedFailureDidNotFailError extends BaseError {
  override name = "TaskExpectedFailureDidNotFailError"
  readonly task: string
  constructor(parameters: { task: string; hash?: string }) {
    super(`Task "${parameters.task}" was expected to fail, but it succeeded.`, {
      code: "TASK_EXPECTED_FAILURE_SUCCEEDED",
      ...(parameters.hash === undefined ? {} : { details: `transaction ${parameters.hash}` }),
      metaMessages: ["The chain accepted something it should reject: this is a finding, not a flaky test."],
    })
    this.task = parameters.task
  }
}
/**
 * {@link TaskExpectedFailureDidNotFailError} narrowed by name, for unions of error types.
 *
 * @example
 * if (error.name === "TaskExpectedFailureDidNotFailError") console.error(error.shortMessage)
 */
export type TaskExpectedFailureDidNotFailErrorType = TaskExpectedFailureDidNotFailError & {
  name: "TaskExpectedFailureDidNotFailError"
}

/**
 * Task weights that cannot be used: negative, not finite, naming unknown tasks, or all zero.
 *
 * @example
 * new TaskInvalidWeightsError({ reason: 'weight of "transfer" is -1; weights must be >= 0' }).code // "TASK_INVALID_WEIGHTS"
 */
export class TaskInvalidWeightsError extends BaseError {
  override name = "TaskInvalidWeightsError"
  constructor(parameters: { reason: string; available?: readonly string[] }) {
    super(`Invalid task weights: ${parameters.reason}.`, {
      code: "TASK_INVALID_WEIGHTS",
      metaMessages:
        parameters.available === undefined ? [] : [`Available tasks: ${parameters.available.join(", ")}`],
    })
  }
}
/**
 * {@link TaskInvalidWeightsError} narrowed by name, for unions of error types.
 *
 * @example
 * if (error.name === "TaskInvalidWeightsError") console.error(error.shortMessage)
 */
export type TaskInvalidWeightsErrorType = TaskInvalidWeightsError & { name: "TaskInvalidWeightsError" }

/**
 * Union of the task errors.
 *
 * @example
 * function explain(error: TaskErrorType) { return error.shortMessage }
 */
export type TaskErrorType =
  | TaskNotFoundErrorType
  | TaskDuplicateNameErrorType
  | TaskTimedOutErrorType
  | TaskFailedErrorType
  | TaskExpectedFailureDidNotFailErrorType
  | TaskInvalidWeightsErrorType

/** The available name closest to `name` (edit distance ≤ 2 or a prefix match). */
function closest(name: string, available: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Number.POSITIVE_INFINITY
  for (const candidate of available) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  if (best === undefined) return undefined
  if (bestDistance <= 2 || (name.length >= 3 && best.startsWith(name))) return best
  return undefined
}

function editDistance(left: string, right: string): number {
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index)
  for (let row = 1; row <= left.length; row++) {
    const current = [row]
    for (let column = 1; column <= right.length; column++) {
      const cost = left[row - 1] === right[column - 1] ? 0 : 1
      current.push(
        Math.min(
          (previous[column] ?? 0) + 1,
          (current[column - 1] ?? 0) + 1,
          (previous[column - 1] ?? 0) + cost,
        ),
      )
    }
    previous = current
  }
  return previous[right.length] ?? 0
}
