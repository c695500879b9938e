import { defineTask, succeeded } from "@testnet/core"
import { confirmAll, sentOf } from "../shared/pendingSend.js"
import { sendCreatePolicy } from "./calls.js"
import { findOrCreatePolicyToken } from "./policyToken.js"
import { attachPolicyAndMint } from "./tokenPolicy.js"

/**
 * Creates a TIP-403 blacklist blocking one address (right behind the policy token's creation when
 * this task creates it), attaches it to the wallet's policy token and mints to itself in the same
 * batch (that batch names the policy's id: it waits for the blacklist). The test reads that the
 * registry refuses the blocked address and that transfers to it revert `PolicyForbids`.
 *
 * @example
 * tempo.tasks.find((task) => task.name === "tip403_blacklist_policy")
 */
export const tip403BlacklistPolicy = defineTask({
  name: "tip403_blacklist_policy",
  weight: 1,
  description: "Attaches a TIP-403 blacklist to its own token; the blocked address is refused.",
  async run(context) {
    const token = await findOrCreatePolicyToken(context)
    if (token.isErr()) return token
    const address = token.value.address
    const blocked = context.random.address()
    const policy = await sendCreatePolicy(context, "blacklist", [blocked])
    if (policy.isErr()) return policy
    const created = await confirmAll([token.value.creation, policy.value.pending] as const)
    if (created.isErr()) return created
    const policyId = await policy.value.policyId()
    if (policyId.isErr()) return policyId
    const attached = await attachPolicyAndMint(context, address, policyId.value, 1_000n)
    if (attached.isErr()) return attached
    // Created and attached in mined transactions: the test reads isAuthorized and transferPolicyId
    // on chain (the task reads nothing back).
    return succeeded(
      [...sentOf(created.value), attached.value.sent],
      [`blacklist ${policyId.value} blocks ${blocked} on ${address}`],
    )
  },
})
