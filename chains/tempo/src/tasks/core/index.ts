// The "core" category: fee-token reads, TIP-20 transfers, and contract deploys/calls.
import type { AnyTaskDefinition } from "@testnet/core"
import { tip20ApproveTransferFrom } from "./approveTransferFrom.js"
import { tempoEvmTasks } from "./evmTasks.js"
import { checkFeeTokenBalances } from "./feeTokenBalances.js"
import { tip20TransferRandom } from "./transferToRandom.js"
import { tip20TransferSelf } from "./transferToSelf.js"
import { tip20TransferWithMemo } from "./transferWithMemo.js"

const { create2Deploy, deployCounter, emitEvents, incrementCounter, revertingCall, storageWrite } =
  tempoEvmTasks

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
