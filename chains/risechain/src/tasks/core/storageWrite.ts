import { StorageWriter } from "@testnet/contracts"
import { defineTask, findOrDeployContract, sendAndConfirm, succeeded, taskFailure } from "@testnet/core"
import { toBeHex } from "ethers"
import { riseGasLimits } from "../shared/gasLimits.js"
import { contractInterfaces } from "../shared/interfaces.js"

/**
 * Writes 1–8 random storage slots of a shared `StorageWriter` (deployed on first use, kind
 * "storage_writer"), then reads the first slot back (`slots(firstSlot)` at the writing block).
 *
 * @example
 * risechain.tasks.find((task) => task.name === "storage_write")
 */
export const storageWrite = defineTask({
  name: "storage_write",
  weight: 4,
  description: "Writes 1–8 storage slots of a StorageWriter and reads one back.",
  async run(context) {
    const writer = await findOrDeployContract(context, {
      kind: "storage_writer",
      initCode: StorageWriter.bytecode,
      gasLimit: riseGasLimits.deploySmall,
    })
    if (writer.isErr()) return writer
    const firstSlot = context.random.bigint(1n, 1_000_000n)
    const count = context.random.int(1, 8)
    const value = context.random.bigint(1n, 2n ** 64n)
    const done = await sendAndConfirm(context, {
      to: writer.value.address,
      data: contractInterfaces.storageWriter.encodeFunctionData("write", [firstSlot, count, value]),
      gasLimit: riseGasLimits.storageWrite,
    })
    if (done.isErr()) return done
    // Read at the block that wrote it (a later write by another worker cannot interfere).
    const stored = await context.call({
      to: writer.value.address,
      data: contractInterfaces.storageWriter.encodeFunctionData("slots", [firstSlot]),
      blockTag: toBeHex(done.value.receipt.blockNumber),
    })
    if (stored.isErr()) return stored
    if (BigInt(stored.value) !== value)
      return taskFailure(context, `slot ${firstSlot} holds ${BigInt(stored.value)}, expected ${value}`)
    return succeeded([writer.value.deployment, done.value.sent], [`${count} slots from ${firstSlot}`])
  },
})
