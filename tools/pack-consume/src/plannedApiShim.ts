/**
 * TEMPORARY (issue #17): the guide is written against the planned task API — `defineCatalog`,
 * `context.task`, `taskFailure(context, reason)` and an optional `category` — which another branch
 * adds to @testnet/core. Until an installed core exports `defineCatalog`, the consumer compiles the
 * example through this module (the example's "@testnet/core" imports are pointed here). Once core
 * has the planned API the test stops using it; then delete this file.
 */
export const plannedApiShimSource = `import * as core from "@testnet/core"
export * from "@testnet/core"

export type PlannedTaskContext = core.TaskContext & { readonly task: core.TaskDefinition }
type PlannedDeclaration = Omit<core.TaskDeclaration, "category" | "run"> & {
  category?: string
  run(context: PlannedTaskContext, parameters: undefined): Promise<core.TaskRunResult>
}

export function defineTask(declaration: PlannedDeclaration): core.TaskDefinition {
  const definition: core.TaskDefinition = core.defineTask({
    ...declaration,
    category: declaration.category ?? "uncategorised",
    run: (context, parameters) =>
      declaration.run(Object.assign(Object.create(context) as core.TaskContext, { task: definition }), parameters),
  })
  return definition
}

export function defineCatalog(groups: Record<string, readonly core.TaskDefinition[]>): readonly core.TaskDefinition[] {
  return Object.freeze(
    Object.entries(groups).flatMap(([category, tasks]) =>
      tasks.map((task) => Object.freeze({ ...task, category })),
    ),
  )
}

export function taskFailure(context: PlannedTaskContext, reason: string, cause?: unknown) {
  return core.taskFailure(context.task.name, reason, cause)
}
`

/**
 * Whether the installed core already has the planned API (then the shim is not used).
 *
 * @example
 * hasPlannedApi(await import("@testnet/core")) // false until defineCatalog lands
 */
export function hasPlannedApi(coreExports: Record<string, unknown>): boolean {
  return typeof coreExports.defineCatalog === "function"
}
