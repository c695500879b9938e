import { contractInterfaces } from "@testnet/contracts"
import { defineTask, succeeded, taskFailure } from "@testnet/core"
import { riseGasLimits } from "../shared/gasLimits.js"
import { findOrCreateMemeToken, readTokenBalance } from "../shared/memeToken.js"

/**
 * `approve` then `transferFrom` on a meme token the wallet holds: the wallet approves itself as
 * spender and moves the allowance to a random address. Both are sent back to back (consecutive
 * nonces, usually the same block) and the recipient's balance is checked.
 *
 * @example
 * risechain.tasks.find((task) => task.name === "approve_transfer_from")
 */
export const approveTransferFrom = defineTask({
  name: "approve_transfer_from",
  weight: 3,
  description: "Approves an allowance and spends it with transferFrom to a random address.",
  async run(context) {
    const amount = context.random.bigint(1n, 100n) * 10n ** 18n
    const token = await findOrCreateMemeToken(context, amount)
    if (token.isErr()) return token
    const recipient = context.random.address()
    const approval = await context.send({
      to: token.value.address,
      data: contractInterfaces.MemeToken.encodeFunctionData("approve", [context.address, amount]),
      gasLimit: riseGasLimits.contractCall,
    })
    if (approval.isErr()) return approval
    const spend = await context.send({
      to: token.value.address,
      data: contractInterfaces.MemeToken.encodeFunctionData("transferFrom", [
        context.address,
        recipient,
        amount,
      ]),
      gasLimit: riseGasLimits.contractCall,
    })
    if (spend.isErr()) return spend
    for (const sent of [approval.value, spend.value]) {
      const receipt = await context.waitForReceipt(sent.hash)
      if (receipt.isErr()) return receipt
    }
    const received = await readTokenBalance(context, token.value.address, recipient)
    if (received.isErr()) return received
    if (received.value !== amount)
      return taskFailure(context, `recipient holds ${received.value}, expected ${amount}`)
    return succeeded(
      [token.value.creation, approval.value, spend.value],
      [`${amount} via allowance to ${recipient}`],
    )
  },
})
