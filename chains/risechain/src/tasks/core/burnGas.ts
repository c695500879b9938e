import { contractInterfaces, GasBurner } from "@testnet/contracts"
import { defineTask, findOrDeployContract, sendAndConfirm, succeeded, taskFailure } from "@testnet/core"
import { riseGasLimits } from "../shared/gasLimits.js"

/**
 * Burns 50k–500k gas in a shared `GasBurner` (kind "gas_burner") and checks the receipt used at
 * least that much.
 *
 * @example
 * risechain.tasks.find((task) => task.name === "burn_gas")
 */
export const burnGas = defineTask({
  name: "burn_gas",
  weight: 3,
  description: "Burns 50k–500k gas in a GasBurner loop.",
  async run(context) {
    const burner = await findOrDeployContract(context, {
      kind: "gas_burner",
      initCode: GasBurner.bytecode,
      gasLimit: riseGasLimits.deploySmall,
    })
    if (burner.isErr()) return burner
    const amount = context.random.bigint(50_000n, 500_000n)
    const done = await sendAndConfirm(context, {
      to: burner.value.address,
      data: contractInterfaces.GasBurner.encodeFunctionData("burn", [amount]),
      gasLimit: amount + 100_000n,
    })
    if (done.isErr()) return done
    if (done.value.receipt.gasUsed < amount)
      return taskFailure(context, `asked for ${amount} gas, used ${done.value.receipt.gasUsed}`)
    return succeeded([burner.value.deployment, done.value.sent], [`burned ${done.value.receipt.gasUsed} gas`])
  },
})
