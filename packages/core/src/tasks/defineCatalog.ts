import { TaskDuplicateNameError } from "../errors/task.js"
import { type AnyTaskDefinition, hasDeclaredCategory } from "./defineTask.js"

/**
 * A chain's tasks in catalog order (what `defineChain({ tasks })` takes), with the same tasks
 * grouped by category in `byCategory`.
 *
 * @example
 * const catalog: TaskCatalog<"core" | "token"> = defineCatalog({ core: [selfTransfer], token: [mintToken] })
 */
export type TaskCatalog<Category extends string = string> = readonly AnyTaskDefinition[] & {
  readonly byCategory: Readonly<Record<Category, readonly AnyTaskDefinition[]>>
}

/**
 * Builds a chain's catalog from its task lists by category: each task gets the category it is
 * listed under, so tasks do not repeat it. A task that declares a different category, or two tasks
 * with one name, are bugs and throw.
 *
 * @example
 * export const catalog = defineCatalog({
 *   core: [selfTransfer, deployCounter],
 *   token: [mintToken, transferToken],
 * })
 * const chain = defineChain({ ...declaration, tasks: catalog })
 * catalog.byCategory.token.map((task) => task.name) // ["mint_token", "transfer_token"]
 */
export function defineCatalog<Category extends string>(
  lists: Readonly<Record<Category, readonly AnyTaskDefinition[]>>,
): TaskCatalog<Category> {
  const seen = new Set<string>()
  const byCategory = {} as Record<Category, readonly AnyTaskDefinition[]>
  for (const category of Object.keys(lists) as Category[]) {
    byCategory[category] = Object.freeze(
      lists[category].map((task) => {
        if (seen.has(task.name)) throw new TaskDuplicateNameError({ name: task.name })
        seen.add(task.name)
        return categorized(task, category)
      }),
    )
  }
  const tasks = Object.values<readonly AnyTaskDefinition[]>(byCategory).flat()
  return Object.freeze(Object.assign(tasks, { byCategory: Object.freeze(byCategory) }))
}

function categorized(task: AnyTaskDefinition, category: string): AnyTaskDefinition {
  if (task.category === category) return task
  if (hasDeclaredCategory(task))
    throw new TypeError(
      `task "${task.name}" declares category "${task.category}" but is listed under "${category}"; remove its category or move it`,
    )
  return Object.freeze({ ...task, category })
}
