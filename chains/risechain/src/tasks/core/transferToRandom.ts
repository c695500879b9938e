import { defineTask, sendAndConfirm, succeeded } from "@testnet/core"
import { riseGasLimits } from "../shared/gasLimits.js"

/**
 * Sends a small random amount of ETH (up to 1 gwei) to a fresh random address.
 *
 * @example
 * risechain.tasks.find((task) => task.name === "transfer_to_random")
 */
export const transferToRandom = defineTask({
  name: "transfer_to_random",
  weight: 10,
  description: "Sends up to 1 gwei of ETH to a random new address.",
  async run(context) {
    const recipient = context.random.address()
    const amount = context.random.bigint(1n, 1_000_000_000n)
    const done = await sendAndConfirm(context, {
      to: recipient,
      value: amount,
      gasLimit: riseGasLimits.transfer,
    })
    if (done.isErr()) return done
    return succeeded([done.value.sent], [`${amount} wei to ${recipient}`])
  },
})
