import { contractInterfaces } from "@testnet/contracts"
import { defineTask, sendAndConfirm, succeeded, taskFailure } from "@testnet/core"
import { parseEvents } from "@testnet/evm"
import { riseGasLimits } from "../shared/gasLimits.js"
import { findOrCreateMemeToken } from "../shared/memeToken.js"

/**
 * Sends 1–1000 tokens of a meme token the wallet holds (created on first use) to a random address.
 *
 * @example
 * risechain.tasks.find((task) => task.name === "transfer_meme_token")
 */
export const transferMemeToken = defineTask({
  name: "transfer_meme_token",
  weight: 6,
  description: "Sends meme tokens to a random address.",
  async run(context) {
    const amount = context.random.bigint(1n, 1_000n) * 10n ** 18n
    const token = await findOrCreateMemeToken(context, amount)
    if (token.isErr()) return token
    const recipient = context.random.address()
    const done = await sendAndConfirm(context, {
      to: token.value.address,
      data: contractInterfaces.MemeToken.encodeFunctionData("transfer", [recipient, amount]),
      gasLimit: riseGasLimits.contractCall,
    })
    if (done.isErr()) return done
    const transfers = parseEvents(contractInterfaces.MemeToken, done.value.receipt, "Transfer")
    if (transfers.length !== 1) return taskFailure(context, "expected one Transfer event")
    return succeeded(
      [token.value.creation, done.value.sent],
      [`${amount} of ${token.value.address} to ${recipient}`],
    )
  },
})
