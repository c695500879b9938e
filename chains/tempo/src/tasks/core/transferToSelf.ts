import { defineTask, sendAndConfirm, succeeded } from "@testnet/core"
import { encodeTip20Transfer } from "../../contracts/tip20.js"
import { tempoGasLimits } from "../shared/gasLimits.js"
import { smallAmount, tempoFeeTokens, tokenLabel } from "../shared/tokens.js"

/**
 * A TIP-20 transfer of a small amount of a random fee token to the wallet itself (EIP-1559 type 2).
 *
 * @example
 * tempo.tasks.find((task) => task.name === "tip20_transfer_self")
 */
export const tip20TransferSelf = defineTask({
  name: "tip20_transfer_self",
  weight: 6,
  description: "Transfers a small amount of a random USD stablecoin to itself (type 2).",
  async run(context) {
    const token = context.random.pick(tempoFeeTokens)
    const amount = smallAmount(context.random)
    const done = await sendAndConfirm(context, {
      to: token,
      data: encodeTip20Transfer(context.address, amount),
      value: 0n,
      gasLimit: tempoGasLimits.tip20Transfer,
    })
    if (done.isErr()) return done
    return succeeded([done.value.sent], [`${amount} ${tokenLabel(token)} to self`])
  },
})
