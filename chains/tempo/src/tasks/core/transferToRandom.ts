import { defineTask, sendAndConfirm, succeeded } from "@testnet/core"
import { encodeTip20Transfer } from "../../contracts/tip20.js"
import { tempoGasLimits } from "../shared/gasLimits.js"
import { smallAmount, tempoFeeTokens, tokenLabel } from "../shared/tokens.js"

/**
 * A TIP-20 transfer of a small amount of a random fee token to a fresh random address (a new
 * holder: the expensive case under TIP-1000, ~550k gas).
 *
 * @example
 * tempo.tasks.find((task) => task.name === "tip20_transfer_random")
 */
export const tip20TransferRandom = defineTask({
  name: "tip20_transfer_random",
  weight: 33,
  description: "Transfers a small amount of a random USD stablecoin to a fresh random address.",
  async run(context) {
    const token = context.random.pick(tempoFeeTokens)
    const recipient = context.random.address()
    const amount = smallAmount(context.random)
    const done = await sendAndConfirm(context, {
      to: token,
      data: encodeTip20Transfer(recipient, amount),
      value: 0n,
      gasLimit: tempoGasLimits.tip20Transfer,
    })
    if (done.isErr()) return done
    return succeeded([done.value.sent], [`${amount} ${tokenLabel(token)} to ${recipient}`])
  },
})
