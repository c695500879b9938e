/**
 * The Tempo task catalog: an explicit list per category (nothing registers itself on import).
 * To add a category, export `<category>Tasks` from `tasks/<category>/index.ts` and append it to
 * {@link tempoTaskCategories} below.
 */
import type { TaskDefinition } from "@testnet/core"
import { batchTasks } from "./batch/index.js"
import { coreTasks } from "./core/index.js"
import { dexTasks } from "./dex/index.js"
import { faucetTasks } from "./faucet/index.js"
import { feesTasks } from "./fees/index.js"
import { noncesTasks } from "./nonces/index.js"
import { tokenTasks } from "./token/index.js"

/**
 * The task lists by category.
 *
 * @example
 * tempoTaskCategories.token.map((task) => task.name)
 */
export const tempoTaskCategories: Readonly<Record<string, readonly TaskDefinition[]>> = Object.freeze({
  core: coreTasks,
  token: tokenTasks,
  fees: feesTasks,
  dex: dexTasks,
  batch: batchTasks,
  nonces: noncesTasks,
  faucet: faucetTasks,
})

/**
 * Every Tempo task, in catalog order (the chain definition's `tasks`).
 *
 * @example
 * const names = tempoCatalog.map((task) => task.name)
 */
export const tempoCatalog: readonly TaskDefinition[] = Object.freeze(
  Object.values(tempoTaskCategories).flat(),
)
