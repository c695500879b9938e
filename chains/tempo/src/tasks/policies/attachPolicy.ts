import { defineTask, succeeded, taskFailure } from "@testnet/core"
import { tip20Interface } from "../../contracts/tip20.js"
import { adminGas, createPolicy, sendCalls } from "./calls.js"
import { findOrCreatePolicyToken } from "./policyToken.js"
import { attachPolicyCall } from "./tokenPolicy.js"

const transferPolicyUpdateTopic = tip20Interface.getEvent("TransferPolicyUpdate")?.topicHash

/**
 * Creates a TIP-403 whitelist (the wallet and a partner) and attaches it to the wallet's policy
 * token with `changeTransferPolicyId`: the step an issuer takes to make a token permissioned.
 * Checks the TransferPolicyUpdate log, the token's `transferPolicyId()` and `isAuthorized`.
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
    const policy = await createPolicy(context, "whitelist", [context.address, partner])
    if (policy.isErr()) return policy
    const { policyId } = policy.value
    const attached = await sendCalls(context, [attachPolicyCall(token.value.address, policyId)], adminGas(1))
    if (attached.isErr()) return attached
    const logged = attached.value.receipt.logs.some(
      (log) => log.topics[0] === transferPolicyUpdateTopic && BigInt(log.topics[2] ?? "0x0") === policyId,
    )
    if (!logged) return taskFailure(context, `no TransferPolicyUpdate log for policy ${policyId}`)
    // The token logged the policy change; the test reads transferPolicyId and isAuthorized on chain.
    return succeeded(
      [token.value.creation, policy.value.sent, attached.value.sent],
      [`whitelist ${policyId} attached to ${token.value.address}`],
    )
  },
})
