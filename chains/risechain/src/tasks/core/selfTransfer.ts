import { defineTask, sendAndConfirm, succeeded } from "@testnet/core"
import { riseGasLimits } from "../shared/gasLimits.js"

/**
 * Sends a small random amount of ETH to the wallet itself (only the fee is spent).
 *
 * @example
 * risechain.tasks.find((task) => task.name === "self_transfer")
 */
export const selfTransfer = defineTask({
  name: "self_transfer",
  weight: 8,
  description: "Sends a few wei of ETH to itself.",
  async run(context) {
    const amount = context.random.bigint(1n, 1_000n)
    const done = await sendAndConfirm(context, {
      to: context.address,
      value: amount,
      gasLimit: riseGasLimits.transfer,
    })
    if (done.isErr()) return done
    return succeeded([done.value.sent], [`${amount} wei to self`])
  },
})
