import type { BaseError } from "../errors/base.js"
import type { Result } from "../result.js"
import type { TaskContext } from "./context.js"
import type { ChainCapabilities } from "./defineChain.js"
import type { TaskOutcome } from "./outcome.js"

/**
 * What a task's `run` resolves to.
 *
 * @example
 * const result: TaskRunResult = Ok(createTaskOutcome())
 */
export type TaskRunResult = Result<TaskOutcome, BaseError>

/**
 * A task: one unit of work the scheduler picks by weight. `P` is the type of its parameters.
 *
 * @example
 * const definition: TaskDefinition = transferTask
 */
export type TaskDefinition<P = unknown> = {
  /** snake_case, unique within the chain's catalog; used on the command line and in the database. */
  readonly name: string
  /** Grouping for the catalog table and summaries, e.g. "token", "contract", "native"; set by `defineCatalog`. */
  readonly category: string
  /** Default relative weight (≥ 0; 0 = only when asked for by name). Config weights override it. */
  readonly weight: number
  readonly description: string
  /** A negative test: success means the chain rejected it (see TaskOutcome.expectedFailure). */
  readonly expectedFailure: boolean
  /** Default parameters, passed to `run` unless overridden. */
  readonly parameters: P
  /** Capabilities the chain must have for this task to be schedulable. */
  readonly requires: readonly (keyof ChainCapabilities)[]
  /** Per-task time budget; default: the config's task_timeout_ms. */
  readonly timeoutMs: number | undefined
  run(context: TaskContext, parameters: P): Promise<TaskRunResult>
}

/**
 * A task definition of any parameter type: what catalogs and chains hold. `run` is a method, so
 * its parameter is checked bivariantly and every `TaskDefinition<P>` assigns to it without a cast.
 *
 * @example
 * const tasks: readonly AnyTaskDefinition[] = [selfTransfer, deployCounter]
 */
export type AnyTaskDefinition = TaskDefinition<unknown>

/**
 * What a chain author writes; `defineTask` fills the defaults.
 *
 * @example
 * const declaration: TaskDeclaration = { name: "noop", weight: 1, description: "Does nothing.", run: async () => Ok(createTaskOutcome()) }
 */
export type TaskDeclaration<P = undefined> = {
  name: string
  /** Usually left out: `defineCatalog` sets it from the catalog key the task is listed under. */
  category?: string
  weight: number
  description: string
  expectedFailure?: boolean
  parameters?: P
  requires?: readonly (keyof ChainCapabilities)[]
  timeoutMs?: number
  run(context: TaskContext, parameters: P): Promise<TaskRunResult>
}

const namePattern = /^[a-z][a-z0-9_]*$/

/** The category of a task not (yet) listed in a catalog. */
export const uncategorized = "uncategorized"

// Definitions whose author wrote a category: `defineCatalog` checks it against the catalog key.
const declaredCategory = new WeakSet<object>()

/**
 * Whether the task's author wrote its category (rather than leaving it to `defineCatalog`).
 *
 * @example
 * if (hasDeclaredCategory(task) && task.category !== "token") throw new Error("listed under the wrong key")
 */
export function hasDeclaredCategory(task: AnyTaskDefinition): boolean {
  return declaredCategory.has(task)
}

/**
 * Declares a task. Pure: nothing is registered; list the result in the chain's `defineCatalog`, which
 * sets its category.
 * Invalid declarations (bad name, negative weight) are bugs and throw.
 *
 * @example
 * export const selfTransfer = defineTask({
 *   name: "self_transfer",
 *   weight: 5,
 *   description: "Sends 0 wei to itself.",
 *   async run(context) {
 *     const sent = await context.send({ to: context.address, value: 0n, gasLimit: 21_000n })
 *     return sent.map((transaction) => createTaskOutcome({ transactions: [transaction] }))
 *   },
 * })
 */
export function defineTask<P = undefined>(declaration: TaskDeclaration<P>): TaskDefinition<P> {
  if (!namePattern.test(declaration.name)) {
    throw new TypeError(`task name "${declaration.name}" must be snake_case (${namePattern.source})`)
  }
  if (!(Number.isFinite(declaration.weight) && declaration.weight >= 0)) {
    throw new RangeError(
      `task "${declaration.name}" has weight ${declaration.weight}; weights must be finite and >= 0`,
    )
  }
  if (declaration.timeoutMs !== undefined && !(declaration.timeoutMs > 0)) {
    throw new RangeError(`task "${declaration.name}" has timeoutMs ${declaration.timeoutMs}; it must be > 0`)
  }
  const definition: TaskDefinition<P> = Object.freeze({
    name: declaration.name,
    category: declaration.category ?? uncategorized,
    weight: declaration.weight,
    description: declaration.description,
    expectedFailure: declaration.expectedFailure ?? false,
    parameters: declaration.parameters as P,
    requires: Object.freeze([...(declaration.requires ?? [])]),
    timeoutMs: declaration.timeoutMs,
    run: declaration.run,
  })
  if (declaration.category !== undefined) declaredCategory.add(definition)
  return definition
}
