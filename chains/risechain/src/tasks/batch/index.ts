import type { AnyTaskDefinition } from "@testnet/core"
import { factoryBatchDeploy } from "./factoryBatchDeploy.js"
import { multicallAggregate } from "./multicallAggregate.js"
import { multiSendNative } from "./multiSendNative.js"
import { multiSendToken } from "./multiSendToken.js"

export { factoryBatchDeploy, multicallAggregate, multiSendNative, multiSendToken }

/**
 * The batch tasks: several effects in one transaction.
 *
 * @example
 * batchTasks.map((task) => task.name)
 */
export const batchTasks: readonly AnyTaskDefinition[] = [
  multicallAggregate,
  multiSendNative,
  multiSendToken,
  factoryBatchDeploy,
]
