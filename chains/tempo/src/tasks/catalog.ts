/**
 * The Tempo task catalog: an explicit list per category (nothing registers itself on import).
 * To add a category, export `<category>Tasks` from `tasks/<category>/index.ts` and add it to
 * {@link tempoCatalog} below; `defineCatalog` gives each task its category.
 */
import { type AnyTaskDefinition, defineCatalog } from "@testnet/core"
import { accessKeysTasks } from "./accessKeys/index.js"
import { adminTasks } from "./admin/index.js"
import { batchTasks } from "./batch/index.js"
import { coreTasks } from "./core/index.js"
import { dexTasks } from "./dex/index.js"
import { faucetTasks } from "./faucet/index.js"
import { feeAmmTasks } from "./feeAmm/index.js"
import { feesTasks } from "./fees/index.js"
import { lanesTasks } from "./lanes/index.js"
import { noncesTasks } from "./nonces/index.js"
import { policiesTasks } from "./policies/index.js"
import { signaturesTasks } from "./signatures/index.js"
import { tokenTasks } from "./token/index.js"

/**
 * Every Tempo task, in catalog order (the chain definition's `tasks`), each with its category.
 *
 * @example
 * const names = tempoCatalog.map((task) => task.name)
 */
export const tempoCatalog = defineCatalog({
  core: coreTasks,
  token: tokenTasks,
  policies: policiesTasks,
  admin: adminTasks,
  fees: feesTasks,
  feeAmm: feeAmmTasks,
  dex: dexTasks,
  batch: batchTasks,
  lanes: lanesTasks,
  nonces: noncesTasks,
  faucet: faucetTasks,
  accessKeys: accessKeysTasks,
  signatures: signaturesTasks,
})

/**
 * The task lists by category.
 *
 * @example
 * tempoTaskCategories.token.map((task) => task.name)
 */
export const tempoTaskCategories: Readonly<Record<string, readonly AnyTaskDefinition[]>> =
  tempoCatalog.byCategory
