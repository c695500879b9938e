import { defineTask, succeeded, taskFailure } from "@testnet/core"
import { encodeTip20Mint, encodeTip20Transfer } from "../../contracts/tip20.js"
import { confirmAll, sentOf } from "../shared/pendingSend.js"
import { sendPathUsdCalls } from "../shared/sendPathUsdCalls.js"
import { hasTip20Transfer } from "../shared/transferLogs.js"
import { adminGas, sendCreatePolicy } from "./calls.js"
import { findOrCreatePolicyToken } from "./policyToken.js"
import { attachPolicyCall } from "./tokenPolicy.js"

/**
 * The permitted side of a TIP-403 whitelist: whitelists the wallet and a recipient (right behind
 * the policy token's creation when this task creates it), then in one batch, once the whitelist's
 * id is known, attaches the policy to the wallet's policy token, mints and transfers to the
 * recipient; checks the receipt moved the amount to the recipient.
 *
 * @example
 * tempo.tasks.find((task) => task.name === "tip403_transfer_allowed")
 */
export const tip403TransferAllowed = defineTask({
  name: "tip403_transfer_allowed",
  weight: 2,
  description: "Transfers its token to a recipient its TIP-403 whitelist allows.",
  async run(context) {
    const token = await findOrCreatePolicyToken(context)
    if (token.isErr()) return token
    const address = token.value.address
    const recipient = context.random.address()
    const policy = await sendCreatePolicy(context, "whitelist", [context.address, recipient])
    if (policy.isErr()) return policy
    const created = await confirmAll([token.value.creation, policy.value.pending] as const)
    if (created.isErr()) return created
    const policyId = await policy.value.policyId()
    if (policyId.isErr()) return policyId
    const amount = context.random.bigint(1n, 1_000_000n)
    const calls = [
      attachPolicyCall(address, policyId.value),
      { to: address, input: encodeTip20Mint(context.address, amount) },
      { to: address, input: encodeTip20Transfer(recipient, amount) },
    ]
    const done = await sendPathUsdCalls(context, calls, adminGas(calls.length))
    if (done.isErr()) return done
    if (
      !hasTip20Transfer(done.value.receipt.logs, {
        token: address,
        from: context.address,
        to: recipient,
        amount,
      })
    )
      return taskFailure(context, `no transfer of ${amount} to the whitelisted ${recipient} in the receipt`)
    return succeeded(
      [...sentOf(created.value), done.value.sent],
      [`${amount} sent to whitelisted ${recipient} under policy ${policyId.value}`],
    )
  },
})
