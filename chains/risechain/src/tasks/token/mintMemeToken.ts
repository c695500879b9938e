import { contractInterfaces } from "@testnet/contracts"
import { defineTask, sendAndConfirm, succeeded, taskFailure } from "@testnet/core"
import { parseEvents } from "@testnet/evm"
import { riseGasLimits } from "../shared/gasLimits.js"
import { findOrCreateMemeToken } from "../shared/memeToken.js"

/**
 * As the owner of a meme token it created, mints 1–1000 new tokens to a random address.
 *
 * @example
 * risechain.tasks.find((task) => task.name === "mint_meme_token")
 */
export const mintMemeToken = defineTask({
  name: "mint_meme_token",
  weight: 2,
  description: "Mints new meme tokens (owner only) to a random address.",
  async run(context) {
    const token = await findOrCreateMemeToken(context, 0n)
    if (token.isErr()) return token
    const recipient = context.random.address()
    const amount = context.random.bigint(1n, 1_000n) * 10n ** 18n
    const done = await sendAndConfirm(context, {
      to: token.value.address,
      data: contractInterfaces.MemeToken.encodeFunctionData("mint", [recipient, amount]),
      gasLimit: riseGasLimits.contractCall,
    })
    if (done.isErr()) return done
    if (parseEvents(contractInterfaces.MemeToken, done.value.receipt, "Transfer").length !== 1)
      return taskFailure(context, "expected one Transfer event")
    return succeeded(
      [token.value.creation, done.value.sent],
      [`minted ${amount} of ${token.value.address} to ${recipient}`],
    )
  },
})
