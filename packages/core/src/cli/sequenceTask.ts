import type { BaseError } from "../errors/base.js"
import { TaskFailedError } from "../errors/task.js"
import { Err, Ok, type Result } from "../result.js"
import type { TaskContext } from "../tasks/context.js"
import type { ChainDefinition } from "../tasks/defineChain.js"
import type { TaskDefinition } from "../tasks/defineTask.js"
import { createTaskOutcome, type TaskOutcome } from "../tasks/outcome.js"
import { observeContext, type StepObservation } from "./stepReport.js"

/**
 * A task that runs `tasks` once each, in order, with the same context (so the same wallet): what
 * `sequence a,b,c` schedules exactly once. Stops at the first failure, naming the failed step.
 *
 * @example
 * const step = createSequenceTask([deployCounter, incrementCounter])
 */
export function createSequenceTask(
  tasks: readonly TaskDefinition[],
  /** Told of every step as it ends (the per-step rows `sequence` prints). */
  onStep?: StepListener,
): TaskDefinition {
  const names = tasks.map((task) => task.name)
  return Object.freeze({
    name: "sequence",
    category: "sequence",
    weight: 1,
    description: `Runs ${names.join(", ")} in order.`,
    expectedFailure: false,
    parameters: undefined,
    requires: [],
    timeoutMs: undefined,
    async run(context: TaskContext) {
      const outcomes: TaskOutcome[] = []
      for (const task of tasks) {
        const seen: StepObservation = { transactions: [], contracts: [], reverted: 0 }
        const observed = onStep === undefined ? context : observeContext(context, seen)
        const result = await task.run(observed, task.parameters)
        onStep?.(task.name, context.address, result, seen)
        if (result.isErr()) return Err(new TaskFailedError({ task: task.name, cause: result.error }))
        outcomes.push(result.value)
      }
      return Ok(
        createTaskOutcome({
          transactions: outcomes.flatMap((outcome) => outcome.transactions),
          createdContracts: outcomes.flatMap((outcome) => outcome.createdContracts),
          createdAssets: outcomes.flatMap((outcome) => outcome.createdAssets),
          notes: outcomes.flatMap((outcome, index) =>
            outcome.notes.map((note) => `${names[index]}: ${note}`),
          ),
        }),
      )
    },
  })
}

/**
 * Receives one finished step: its task name, the wallet, and the task's result.
 *
 * @example
 * const onStep: StepListener = (task, wallet, result) => steps.record(task, wallet, result)
 */
export type StepListener = (
  task: string,
  wallet: string,
  result: Result<TaskOutcome, BaseError>,
  seen: StepObservation,
) => void

/**
 * The task, reporting its result to `onStep` (what `run` uses for its one step row).
 *
 * @example
 * const observed = withStepListener(task, (name, wallet, result) => steps.record(name, wallet, result))
 */
export function withStepListener(task: TaskDefinition, onStep: StepListener): TaskDefinition {
  return Object.freeze({
    ...task,
    async run(context: TaskContext, parameters: unknown) {
      const seen: StepObservation = { transactions: [], contracts: [], reverted: 0 }
      const result = await task.run(observeContext(context, seen), parameters)
      onStep(task.name, context.address, result, seen)
      return result
    },
  })
}

/**
 * The chain with its catalog replaced by exactly one task (weight forced to 1, so a task that is
 * off by default can still be run by name).
 *
 * @example
 * const single = withSingleTask(chain, { ...task, weight: 1 })
 */
export function withSingleTask(chain: ChainDefinition, task: TaskDefinition): ChainDefinition {
  return Object.freeze({ ...chain, tasks: Object.freeze([{ ...task, weight: 1 }]) })
}
