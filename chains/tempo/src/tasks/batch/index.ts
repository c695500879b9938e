// The "batch" category: several calls in one Tempo transaction (0x76).
import type { AnyTaskDefinition } from "@testnet/core"
import { batchApproveSwap } from "./approveSwap.js"
import { batchMultiSend } from "./multiSend.js"
import { batchTip20Transfers } from "./transfers.js"

export { batchApproveSwap, batchMultiSend, batchTip20Transfers }

/**
 * The batch tasks, in catalog order.
 *
 * @example
 * batchTasks.map((task) => task.name)
 */
export const batchTasks: readonly AnyTaskDefinition[] = [
  batchTip20Transfers,
  batchMultiSend,
  batchApproveSwap,
]
