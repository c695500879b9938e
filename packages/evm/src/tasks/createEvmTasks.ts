import type { AnyTaskDefinition } from "@testnet/core"
import { type EvmTaskKey, type EvmTaskOptions, resolveEvmTaskOptions } from "../options.js"
import { create2DeployTask } from "./create2Deploy.js"
import { deployCounterTask } from "./deployCounter.js"
import { emitEventsTask } from "./emitEvents.js"
import { incrementCounterTask } from "./incrementCounter.js"
import { selfTransferTask, transferToRandomTask } from "./nativeTransfers.js"
import { revertingCallTask } from "./revertingCall.js"
import { storageWriteTask } from "./storageWrite.js"

/**
 * The generic EVM tasks by key; list the ones a chain runs in its `defineCatalog`.
 *
 * @example
 * const { deployCounter, revertingCall } = createEvmTasks()
 */
export type EvmTasks = Readonly<Record<EvmTaskKey, AnyTaskDefinition>>

/**
 * Creates the generic EVM tasks (task names are the same on every chain: `self_transfer`,
 * `transfer_to_random`, `deploy_counter`, `increment_counter`, `create2_deploy`, `storage_write`,
 * `emit_events`, `reverting_call`), with the gas limits, default weights and storage-write size
 * of the chain running them.
 *
 * @example
 * const evm = createEvmTasks({ weights: { incrementCounter: 6 }, storageWriteMaxSlots: 3 })
 * export const catalog = defineCatalog({ core: [evm.deployCounter, evm.incrementCounter, myTask] })
 */
export function createEvmTasks(options: EvmTaskOptions = {}): EvmTasks {
  const resolved = resolveEvmTaskOptions(options)
  return Object.freeze({
    selfTransfer: selfTransferTask(resolved),
    transferToRandom: transferToRandomTask(resolved),
    deployCounter: deployCounterTask(resolved),
    incrementCounter: incrementCounterTask(resolved),
    create2Deploy: create2DeployTask(resolved),
    storageWrite: storageWriteTask(resolved),
    emitEvents: emitEventsTask(resolved),
    revertingCall: revertingCallTask(resolved),
  })
}
