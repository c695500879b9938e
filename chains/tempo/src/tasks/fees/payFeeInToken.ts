import { defineTask, sendAndConfirm, succeeded } from "@testnet/core"
import { tempoAddresses } from "../../contracts/addresses.js"
import { encodeTip20Transfer } from "../../contracts/tip20.js"
import { tempoGasLimits } from "../shared/gasLimits.js"
import { tempoRequest } from "../shared/tempoRequest.js"
import { smallAmount, tempoFeeTokens, tokenLabel } from "../shared/tokens.js"

/**
 * A Tempo transaction (0x76) that names its fee token explicitly (a random funded stablecoin,
 * overriding the account preference) around a small pathUSD transfer to itself.
 *
 * @example
 * tempo.tasks.find((task) => task.name === "pay_fee_in_token")
 */
export const payFeeInToken = defineTask({
  name: "pay_fee_in_token",
  weight: 8,
  description: "Sends a 0x76 transaction whose fee is paid in a chosen stablecoin.",
  requires: ["feeToken"],
  async run(context) {
    const feeToken = context.random.pick(tempoFeeTokens)
    const amount = smallAmount(context.random)
    const done = await sendAndConfirm(
      context,
      tempoRequest(context.wallet, {
        calls: [{ to: tempoAddresses.pathUsd, input: encodeTip20Transfer(context.address, amount) }],
        gasLimit: tempoGasLimits.tip20Transfer,
        feeToken,
      }),
    )
    if (done.isErr()) return done
    return succeeded([done.value.sent], [`fee paid in ${tokenLabel(feeToken)}`])
  },
})
