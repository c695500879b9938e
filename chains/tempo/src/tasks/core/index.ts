// The "core" category: fee-token reads, TIP-20 transfers, and contract deploys/calls.
import type { AnyTaskDefinition } from "@testnet/core"
import { tip20ApproveTransferFrom } from "./approveTransferFrom.js"
import { create2Deploy } from "./create2Deploy.js"
import { deployCounter } from "./deployCounter.js"
import { emitEvents } from "./emitEvents.js"
import { checkFeeTokenBalances } from "./feeTokenBalances.js"
import { incrementCounter } from "./incrementCounter.js"
import { revertingCall } from "./revertingCall.js"
import { storageWrite } from "./storageWrite.js"
import { tip20TransferRandom } from "./transferToRandom.js"
import { tip20TransferSelf } from "./transferToSelf.js"
import { tip20TransferWithMemo } from "./transferWithMemo.js"

export {
  checkFeeTokenBalances,
  create2Deploy,
  deployCounter,
  emitEvents,
  incrementCounter,
  revertingCall,
  storageWrite,
  tip20ApproveTransferFrom,
  tip20TransferRandom,
  tip20TransferSelf,
  tip20TransferWithMemo,
}

/**
 * The core tasks, in catalog order.
 *
 * @example
 * coreTasks.map((task) => task.name)
 */
export const coreTasks: readonly AnyTaskDefinition[] = [
  checkFeeTokenBalances,
  tip20TransferSelf,
  tip20TransferRandom,
  tip20TransferWithMemo,
  tip20ApproveTransferFrom,
  deployCounter,
  incrementCounter,
  create2Deploy,
  storageWrite,
  emitEvents,
  revertingCall,
]
