import { contractInterfaces } from "@testnet/contracts"
import { defineTask, succeeded, taskFailure } from "@testnet/core"
import { riseGasLimits } from "../shared/gasLimits.js"
import { findOrCreateMemeToken, readTokenBalance } from "../shared/memeToken.js"
import { findOrDeployMultiSend, randomRecipients } from "../shared/multiSend.js"

/**
 * Sends a meme ERC-20 to 3–10 random addresses in one transaction: `approve(MultiSend, total)`
 * then `multiSendToken` (back to back), and checks the last recipient's balance.
 *
 * @example
 * risechain.tasks.find((task) => task.name === "multi_send_token")
 */
export const multiSendToken = defineTask({
  name: "multi_send_token",
  weight: 3,
  description: "Sends a meme ERC-20 to 3–10 random addresses in one MultiSend transaction.",
  async run(context) {
    const count = context.random.int(3, 10)
    const { recipients, amounts, total } = randomRecipients(context, count, 1_000n * 10n ** 18n)
    const token = await findOrCreateMemeToken(context, total)
    if (token.isErr()) return token
    const multiSend = await findOrDeployMultiSend(context)
    if (multiSend.isErr()) return multiSend
    const approval = await context.send({
      to: token.value.address,
      data: contractInterfaces.MemeToken.encodeFunctionData("approve", [multiSend.value.address, total]),
      gasLimit: riseGasLimits.contractCall,
    })
    if (approval.isErr()) return approval
    const batch = await context.send({
      to: multiSend.value.address,
      data: contractInterfaces.MultiSend.encodeFunctionData("multiSendToken", [
        token.value.address,
        recipients,
        amounts,
      ]),
      gasLimit: riseGasLimits.contractCall + riseGasLimits.perRecipient * BigInt(count),
    })
    if (batch.isErr()) return batch
    for (const sent of [approval.value, batch.value]) {
      const receipt = await context.waitForReceipt(sent.hash)
      if (receipt.isErr()) return receipt
    }
    const last = recipients.length - 1
    const balance = await readTokenBalance(context, token.value.address, recipients[last] ?? "")
    if (balance.isErr()) return balance
    if (balance.value !== amounts[last])
      return taskFailure(context, `recipient holds ${balance.value}, expected ${amounts[last]}`)
    return succeeded(
      [token.value.creation, multiSend.value.deployment, approval.value, batch.value],
      [`${total} of ${token.value.address} to ${count} recipients`],
    )
  },
})
