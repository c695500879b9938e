import { defineTask, succeeded, taskFailure } from "@testnet/core"
import { tip20Interface } from "../../contracts/tip20.js"
import { confirmAll, sentOf } from "../shared/pendingSend.js"
import { sendPathUsdCalls } from "../shared/sendPathUsdCalls.js"
import { adminGas, sendCreatePolicy } from "./calls.js"
import { findOrCreatePolicyToken } from "./policyToken.js"
import { attachPolicyCall } from "./tokenPolicy.js"

const transferPolicyUpdateTopic = tip20Interface.getEvent("TransferPolicyUpdate")?.topicHash

/**
 * Creates a TIP-403 whitelist (the wallet and a partner) and attaches it to the wallet's policy
 * token with `changeTransferPolicyId`: the step an issuer takes to make a token permissioned. The
 * whitelist goes out right behind the token's creation when this task creates the token; the attach
 * names the policy's id, so it waits for the whitelist. Checks the TransferPolicyUpdate log (the
 * test reads the token's `transferPolicyId()` and `isAuthorized`).
 *
 * @example
 * tempo.tasks.find((task) => task.name === "tip403_attach_policy")
 */
export const tip403AttachPolicy = defineTask({
  name: "tip403_attach_policy",
  weight: 1,
  description: "Creates a TIP-403 whitelist and attaches it to its own token (changeTransferPolicyId).",
  async run(context) {
    const token = await findOrCreatePolicyToken(context)
    if (token.isErr()) return token
    const partner = context.random.address()
    const policy = await sendCreatePolicy(context, "whitelist", [context.address, partner])
    if (policy.isErr()) return policy
    const created = await confirmAll([token.value.creation, policy.value.pending] as const)
    if (created.isErr()) return created
    const policyId = await policy.value.policyId()
    if (policyId.isErr()) return policyId
    const attach = [attachPolicyCall(token.value.address, policyId.value)]
    const attached = await sendPathUsdCalls(context, attach, adminGas(1))
    if (attached.isErr()) return attached
    const logged = attached.value.receipt.logs.some(
      (log) =>
        log.topics[0] === transferPolicyUpdateTopic && BigInt(log.topics[2] ?? "0x0") === policyId.value,
    )
    if (!logged) return taskFailure(context, `no TransferPolicyUpdate log for policy ${policyId.value}`)
    return succeeded(
      [...sentOf(created.value), attached.value.sent],
      [`whitelist ${policyId.value} attached to ${token.value.address}`],
    )
  },
})
