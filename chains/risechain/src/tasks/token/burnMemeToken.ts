import { contractInterfaces } from "@testnet/contracts"
import { defineTask, sendAndConfirm, succeeded, taskFailure } from "@testnet/core"
import { parseEvents } from "@testnet/evm"
import { ZeroAddress } from "ethers"
import { riseGasLimits } from "../shared/gasLimits.js"
import { findOrCreateMemeToken } from "../shared/memeToken.js"

/**
 * Burns 1–100 tokens of a meme token the wallet holds (a `Transfer` to the zero address).
 *
 * @example
 * risechain.tasks.find((task) => task.name === "burn_meme_token")
 */
export const burnMemeToken = defineTask({
  name: "burn_meme_token",
  weight: 2,
  description: "Burns some of a meme token the wallet holds.",
  async run(context) {
    const amount = context.random.bigint(1n, 100n) * 10n ** 18n
    const token = await findOrCreateMemeToken(context, amount)
    if (token.isErr()) return token
    const done = await sendAndConfirm(context, {
      to: token.value.address,
      data: contractInterfaces.MemeToken.encodeFunctionData("burn", [amount]),
      gasLimit: riseGasLimits.contractCall,
    })
    if (done.isErr()) return done
    const [burned] = parseEvents(contractInterfaces.MemeToken, done.value.receipt, "Transfer")
    if (burned?.args?.to !== ZeroAddress) return taskFailure(context, "no Transfer to the zero address")
    return succeeded([token.value.creation, done.value.sent], [`burned ${amount} of ${token.value.address}`])
  },
})
