/**
 * Weighted task choice for a run: the tasks module's registry resolves catalog weights, config
 * overrides and the filter; tasks needing a capability the chain lacks are left out; draws come
 * from a seeded random source so the task sequence is reproducible.
 */
import type { BaseError } from "../../errors/base.js"
import { RunnerInvalidPlanError } from "../../errors/runner.js"
import { Err, Ok, type Result } from "../../result.js"
import type { ChainCapabilities } from "../../tasks/defineChain.js"
import type { TaskDefinition } from "../../tasks/defineTask.js"
import { createTaskRegistry } from "../../tasks/registry.js"

/**
 * Picks the next task.
 *
 * @example
 * const task = picker.pick()
 */
export type TaskPicker = {
  pick(): TaskDefinition
  /** The effective weights after overrides, filter and capability checks. */
  readonly weights: Readonly<Record<string, number>>
}

/**
 * Builds a picker. Unknown names are errors that list the available names.
 *
 * @example
 * const picker = createTaskPicker({ tasks: chain.tasks, capabilities: chain.capabilities, weights: config.taskWeights, filter: config.tasks, random: createRandom(config.seed).next })
 */
export function createTaskPicker(parameters: {
  tasks: readonly TaskDefinition[]
  capabilities?: Readonly<ChainCapabilities>
  weights?: Readonly<Record<string, number>>
  filter?: readonly string[]
  random: () => number
}): Result<TaskPicker, BaseError> {
  const capabilities = parameters.capabilities
  const supported = parameters.tasks.filter(
    (task) =>
      capabilities === undefined || task.requires.every((capability) => Boolean(capabilities[capability])),
  )
  const selection = createTaskRegistry(parameters.tasks).select({
    ...(parameters.weights === undefined ? {} : { weights: parameters.weights }),
    ...(parameters.filter === undefined ? {} : { tasks: parameters.filter }),
  })
  if (selection.isErr()) return selection
  const allowed = new Set(supported.map((task) => task.name))
  const weights: Record<string, number> = {}
  const chosen = selection.value.tasks.filter((task) => allowed.has(task.name))
  for (const task of chosen) weights[task.name] = selection.value.weights[task.name] ?? 0
  if (chosen.length === 0)
    return Err(
      new RunnerInvalidPlanError({
        reason: "no task left to run after weights, filter and chain capabilities",
        available: parameters.tasks.map((task) => task.name),
      }),
    )
  // Re-select among the supported ones only, so the draw stays one binary search.
  const final = createTaskRegistry(chosen).select({ weights })
  if (final.isErr()) return final
  const { random } = parameters
  return Ok({ weights, pick: () => final.value.pick(random) })
}
