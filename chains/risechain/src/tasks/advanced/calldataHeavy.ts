import { CalldataSink, contractInterfaces } from "@testnet/contracts"
import { defineTask, findOrDeployContract, sendAndConfirm, succeeded, taskFailure } from "@testnet/core"
import { parseEvents } from "@testnet/evm"
import { riseGasLimits } from "../shared/gasLimits.js"

/** Gas per non-zero calldata byte under the EIP-7623 floor (prague): 4 tokens × 10. */
const floorGasPerByte = 40n

/**
 * Sends 4–32 KiB of random calldata to a shared `CalldataSink` (kind "calldata_sink") and checks
 * the `Sunk` event reports the length. The gas limit covers the EIP-7623 calldata floor.
 *
 * @example
 * risechain.tasks.find((task) => task.name === "calldata_heavy")
 */
export const calldataHeavy = defineTask({
  name: "calldata_heavy",
  weight: 2,
  description: "Sends 4–32 KiB of calldata to a CalldataSink.",
  async run(context) {
    const sink = await findOrDeployContract(context, {
      kind: "calldata_sink",
      initCode: CalldataSink.bytecode,
      gasLimit: riseGasLimits.deploySmall,
    })
    if (sink.isErr()) return sink
    const length = context.random.int(4, 32) * 1024
    const data = contractInterfaces.CalldataSink.encodeFunctionData("sink", [context.random.bytes(length)])
    const done = await sendAndConfirm(context, {
      to: sink.value.address,
      data,
      gasLimit: 21_000n + floorGasPerByte * BigInt((data.length - 2) / 2) + 100_000n,
    })
    if (done.isErr()) return done
    const [event] = parseEvents(contractInterfaces.CalldataSink, done.value.receipt, "Sunk")
    // args[1] is the event's `length` field (`args.length` would be the Result array's own length).
    const reported = event?.args?.[1] as bigint | undefined
    if (reported !== BigInt(length))
      return taskFailure(context, `Sunk reported ${reported}, sent ${length} bytes`)
    return succeeded([sink.value.deployment, done.value.sent], [`${length} bytes of calldata`])
  },
})
