/**
 * Weighted task choice: catalog weights, overridden by config weights, narrowed by a filter, drawn
 * with a seeded random source so the task sequence is reproducible.
 */
import { RunnerInvalidPlanError, type RunnerInvalidPlanErrorType } from "../errors/runner.js"
import { Err, Ok, type Result } from "../result.js"

/**
 * Picks the next task.
 *
 * @example
 * const task = picker.pick()
 */
export type TaskPicker<T> = {
  pick(): T
  /** The effective weights after overrides and filter (for logs and the summary). */
  readonly weights: Readonly<Record<string, number>>
}

/**
 * Builds a picker. Unknown names in `weights` or `filter` are errors that list the available names.
 *
 * @example
 * const picker = createTaskPicker({ tasks, weights: { transfer: 5 }, filter: ["transfer", "deploy"], random: createRunnerRandom(1) })
 * if (picker.isOk()) picker.value.pick()
 */
export function createTaskPicker<T extends { name: string; weight: number }>(parameters: {
  tasks: readonly T[]
  weights?: Readonly<Record<string, number>>
  filter?: readonly string[]
  random: () => number
}): Result<TaskPicker<T>, RunnerInvalidPlanErrorType> {
  const available = parameters.tasks.map((task) => task.name)
  const known = new Set(available)
  for (const name of [...Object.keys(parameters.weights ?? {}), ...(parameters.filter ?? [])]) {
    if (!known.has(name))
      return Err(
        new RunnerInvalidPlanError({
          reason: `unknown task "${name}"`,
          available,
        }) as RunnerInvalidPlanErrorType,
      )
  }
  const allowed =
    parameters.filter === undefined || parameters.filter.length === 0 ? known : new Set(parameters.filter)
  const chosen: T[] = []
  const cumulative: number[] = []
  const weights: Record<string, number> = {}
  let total = 0
  for (const task of parameters.tasks) {
    if (!allowed.has(task.name)) continue
    const weight = parameters.weights?.[task.name] ?? task.weight
    if (!(weight > 0) || !Number.isFinite(weight)) continue
    total += weight
    chosen.push(task)
    cumulative.push(total)
    weights[task.name] = weight
  }
  if (chosen.length === 0)
    return Err(
      new RunnerInvalidPlanError({
        reason: "no task has a positive weight after the filter",
        available,
      }) as RunnerInvalidPlanErrorType,
    )
  const { random } = parameters
  return Ok({
    weights,
    pick() {
      const target = random() * total
      let low = 0
      let high = cumulative.length - 1
      while (low < high) {
        const middle = (low + high) >>> 1
        if ((cumulative[middle] ?? 0) > target) high = middle
        else low = middle + 1
      }
      return chosen[low] as T
    },
  })
}
