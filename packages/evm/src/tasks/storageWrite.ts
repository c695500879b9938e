import { contractInterfaces, StorageWriter } from "@testnet/contracts"
import { defineTask, findOrDeployContract, sendAndConfirm, succeeded, taskFailure } from "@testnet/core"
import { toBeHex } from "ethers"
import type { ResolvedEvmTaskOptions } from "../options.js"

/**
 * `storage_write`: writes 1–`storageWriteMaxSlots` consecutive random slots of a shared
 * `StorageWriter` (kind "storage_writer", deployed on first use), then reads the first slot back
 * at the writing block (a later write by another worker cannot interfere).
 *
 * @example
 * const storageWrite = storageWriteTask(resolveEvmTaskOptions({ storageWriteMaxSlots: 3 }))
 */
export function storageWriteTask(options: ResolvedEvmTaskOptions) {
  const maximum = options.storageWriteMaxSlots
  return defineTask({
    name: "storage_write",
    weight: options.weights.storageWrite,
    description: `Writes 1-${maximum} random storage slots of a StorageWriter and reads one back.`,
    async run(context) {
      const writer = await findOrDeployContract(context, {
        kind: "storage_writer",
        initCode: StorageWriter.bytecode,
        gasLimit: options.gasLimits.deploy,
      })
      if (writer.isErr()) return writer
      const firstSlot = context.random.bigint(1n, 2n ** 32n)
      const count = context.random.int(1, maximum)
      const value = context.random.bigint(1n, 2n ** 64n)
      const done = await sendAndConfirm(context, {
        to: writer.value.address,
        data: contractInterfaces.StorageWriter.encodeFunctionData("write", [firstSlot, count, value]),
        value: 0n,
        gasLimit: options.gasLimits.storageWrite,
      })
      if (done.isErr()) return done
      const stored = await context.call({
        to: writer.value.address,
        data: contractInterfaces.StorageWriter.encodeFunctionData("slots", [firstSlot]),
        blockTag: toBeHex(done.value.receipt.blockNumber),
      })
      if (stored.isErr()) return stored
      if (BigInt(stored.value) !== value)
        return taskFailure(context, `slot ${firstSlot} holds ${BigInt(stored.value)}, expected ${value}`)
      return succeeded([writer.value.deployment, done.value.sent], [`${count} slots from ${firstSlot}`])
    },
  })
}
