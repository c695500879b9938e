import {
  TaskDuplicateNameError,
  TaskInvalidWeightsError,
  type TaskInvalidWeightsErrorType,
  TaskNotFoundError,
  type TaskNotFoundErrorType,
} from "../errors/task.js"
import { Err, Ok, type Result } from "../result.js"
import type { TaskDefinition } from "./defineTask.js"

/**
 * A uniform [0, 1) source: a `Random` or a bare function.
 *
 * @example
 * const source: UniformSource = createRandom(7) // or: () => Math.random()
 */
export type UniformSource = { next(): number } | (() => number)

/**
 * Which tasks to schedule and how often.
 *
 * @example
 * const options: TaskSelectionOptions = { weights: { transfer: 10, deploy_counter: 1 }, tasks: ["transfer", "deploy_counter"] }
 */
export type TaskSelectionOptions = {
  /** Overrides of the catalog weights (from config). 0 disables a task. */
  weights?: Readonly<Record<string, number>>
  /** Only these tasks (from config `tasks` or `--tasks`); empty or absent: all. */
  tasks?: readonly string[]
}

/**
 * The effective weighted set of tasks.
 *
 * @example
 * const next = selection.pick(random)
 */
export type TaskSelection = {
  /** Tasks with a positive effective weight, in catalog order. */
  readonly tasks: readonly TaskDefinition[]
  /** Effective weight per scheduled task. */
  readonly weights: Readonly<Record<string, number>>
  /** Share of picks each task gets, in [0, 1]. */
  probability(name: string): number
  /** Weighted draw (binary search over cumulative weights: O(log n)). */
  pick(random: UniformSource): TaskDefinition
}

/**
 * A chain's catalog, indexed by name.
 *
 * @example
 * const registry = createTaskRegistry(tempo.tasks)
 * const task = registry.get("transfer_with_memo")
 */
export type TaskRegistry = {
  readonly names: readonly string[]
  readonly tasks: readonly TaskDefinition[]
  has(name: string): boolean
  /** The task, or an error listing the available names (with a "did you mean"). */
  get(name: string): Result<TaskDefinition, TaskNotFoundErrorType>
  /** Resolves weights and filter into a selection to draw from. */
  select(
    options?: TaskSelectionOptions,
  ): Result<TaskSelection, TaskNotFoundErrorType | TaskInvalidWeightsErrorType>
  /** One weighted draw; the selection for a given weights object is computed once and cached. */
  pick(
    random: UniformSource,
    weights?: Readonly<Record<string, number>>,
  ): Result<TaskDefinition, TaskNotFoundErrorType | TaskInvalidWeightsErrorType>
}

/**
 * Builds a registry from an explicit list. Duplicate names are a catalog bug and throw
 * {@link TaskDuplicateNameError}.
 *
 * @example
 * const registry = createTaskRegistry([transfer, deployCounter])
 * const selection = registry.select({ weights: config.taskWeights, tasks: config.tasks })
 * if (selection.isErr()) return selection
 * const task = selection.value.pick(createRandom(config.seed))
 */
export function createTaskRegistry(tasks: readonly TaskDefinition[]): TaskRegistry {
  const byName = new Map<string, TaskDefinition>()
  for (const task of tasks) {
    if (byName.has(task.name)) throw new TaskDuplicateNameError({ name: task.name })
    byName.set(task.name, task)
  }
  const names = Object.freeze([...byName.keys()])
  const list = Object.freeze([...tasks])
  const notFound = (name: string) =>
    new TaskNotFoundError({ name, available: names }) as TaskNotFoundErrorType
  const cache = new WeakMap<
    object,
    Result<TaskSelection, TaskNotFoundErrorType | TaskInvalidWeightsErrorType>
  >()
  const noWeights = {}

  const select: TaskRegistry["select"] = (options = {}) => {
    const weights = options.weights ?? {}
    for (const [name, weight] of Object.entries(weights)) {
      if (!byName.has(name)) return Err(notFound(name))
      if (!(Number.isFinite(weight) && weight >= 0)) {
        return Err(
          new TaskInvalidWeightsError({
            reason: `weight of "${name}" is ${weight}; weights must be finite numbers >= 0`,
          }) as TaskInvalidWeightsErrorType,
        )
      }
    }
    const filter = options.tasks ?? []
    for (const name of filter) if (!byName.has(name)) return Err(notFound(name))
    const allowed = filter.length === 0 ? undefined : new Set(filter)

    const chosen: TaskDefinition[] = []
    const cumulative: number[] = []
    const effective: Record<string, number> = {}
    let total = 0
    for (const task of list) {
      if (allowed !== undefined && !allowed.has(task.name)) continue
      // A task named explicitly in the filter but with catalog weight 0 still runs (weight 1),
      // so `--tasks overdraw` works for a task that is off by default.
      const fallback = task.weight === 0 && allowed !== undefined ? 1 : task.weight
      const weight = weights[task.name] ?? fallback
      if (weight <= 0) continue
      total += weight
      chosen.push(task)
      cumulative.push(total)
      effective[task.name] = weight
    }
    if (chosen.length === 0) {
      return Err(
        new TaskInvalidWeightsError({
          reason: "no task has a positive weight after applying the filter",
          available: names,
        }) as TaskInvalidWeightsErrorType,
      )
    }
    return Ok({
      tasks: Object.freeze(chosen),
      weights: Object.freeze(effective),
      probability: (name) => (effective[name] ?? 0) / total,
      pick(random) {
        const draw = typeof random === "function" ? random() : random.next()
        const target = draw * total
        let low = 0
        let high = cumulative.length - 1
        while (low < high) {
          const middle = (low + high) >>> 1
          if ((cumulative[middle] ?? 0) > target) high = middle
          else low = middle + 1
        }
        return chosen[low] as TaskDefinition
      },
    })
  }

  return {
    names,
    tasks: list,
    has: (name) => byName.has(name),
    get(name) {
      const task = byName.get(name)
      return task === undefined ? Err(notFound(name)) : Ok(task)
    },
    select,
    pick(random, weights) {
      const key = weights ?? noWeights
      let selection = cache.get(key)
      if (selection === undefined) {
        selection = select({ weights: key })
        cache.set(key, selection)
      }
      return selection.map((resolved) => resolved.pick(random))
    },
  }
}
