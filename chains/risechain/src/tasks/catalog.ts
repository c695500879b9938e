/**
 * The RISE task catalog: an explicit list per category (nothing registers itself on import);
 * `defineCatalog` gives each task its category.
 */
import { defineCatalog } from "@testnet/core"
import { advancedTasks } from "./advanced/index.js"
import { batchTasks } from "./batch/index.js"
import { coreTasks } from "./core/index.js"
import { tokenTasks } from "./token/index.js"

/**
 * Every RISE task in catalog order (the chain definition's `tasks`). Default weights give a
 * realistic mix: mostly transfers, token moves and counter calls, some deployments and batches,
 * few negative tests; override them with `task_weights` in the config.
 *
 * @example
 * const names = riseCatalog.map((task) => task.name)
 */
export const riseCatalog = defineCatalog({
  core: coreTasks,
  token: tokenTasks,
  batch: batchTasks,
  advanced: advancedTasks,
})

/**
 * The task lists by category.
 *
 * @example
 * riseTaskCategories.token.map((task) => task.name)
 */
export const riseTaskCategories = riseCatalog.byCategory
