// The "admin" category: TIP-20 administration of a wallet's own token (permits, pull payments,
// redemptions with memos, pause, supply cap, burning blocked balances).
import type { AnyTaskDefinition } from "@testnet/core"
import { tip20BurnBlocked } from "./burnBlocked.js"
import { tip20BurnWithMemo } from "./burnWithMemo.js"
import { tip20PauseUnpause } from "./pauseUnpause.js"
import { tip20SupplyCap } from "./supplyCap.js"
import { tip20Permit } from "./tip20Permit.js"
import { tip20TransferFromWithMemo } from "./transferFromWithMemo.js"

export {
  tip20BurnBlocked,
  tip20BurnWithMemo,
  tip20PauseUnpause,
  tip20Permit,
  tip20SupplyCap,
  tip20TransferFromWithMemo,
}

/**
 * The administration tasks, in catalog order.
 *
 * @example
 * adminTasks.map((task) => task.name)
 */
export const adminTasks: readonly AnyTaskDefinition[] = [
  tip20Permit,
  tip20TransferFromWithMemo,
  tip20BurnWithMemo,
  tip20PauseUnpause,
  tip20SupplyCap,
  tip20BurnBlocked,
]
