import { StorageWriter } from "@testnet/contracts"
import { defineTask, findOrDeployContract, sendAndConfirm, succeeded } from "@testnet/core"
import { Interface } from "ethers"
import { tempoGasLimits } from "../shared/gasLimits.js"

const storageWriter = new Interface(StorageWriter.abi)

/**
 * Writes 1–3 consecutive random storage slots of a `StorageWriter` (kind "storage_writer",
 * deployed first when none is recorded): new slots cost 250k gas each under TIP-1000.
 *
 * @example
 * tempo.tasks.find((task) => task.name === "storage_write")
 */
export const storageWrite = defineTask({
  name: "storage_write",
  weight: 3,
  description: "Writes 1-3 random storage slots of a StorageWriter contract.",
  async run(context) {
    const target = await findOrDeployContract(context, {
      kind: "storage_writer",
      initCode: StorageWriter.bytecode,
      gasLimit: tempoGasLimits.deploy,
    })
    if (target.isErr()) return target
    const firstSlot = context.random.bigint(0n, 2n ** 32n)
    const count = BigInt(context.random.int(1, 3))
    const done = await sendAndConfirm(context, {
      to: target.value.address,
      data: storageWriter.encodeFunctionData("write", [
        firstSlot,
        count,
        context.random.bigint(1n, 2n ** 64n),
      ]),
      value: 0n,
      gasLimit: tempoGasLimits.storageWrite,
    })
    if (done.isErr()) return done
    return succeeded([target.value.deployment, done.value.sent], [`${count} slots from ${firstSlot}`])
  },
})
