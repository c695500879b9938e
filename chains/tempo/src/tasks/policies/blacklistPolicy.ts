import { defineTask, succeeded } from "@testnet/core"
import { createPolicy } from "./calls.js"
import { findOrCreatePolicyToken } from "./policyToken.js"
import { attachPolicyAndMint } from "./tokenPolicy.js"

/**
 * Creates a TIP-403 blacklist blocking one address, attaches it to the wallet's policy token and
 * mints to itself in the same batch; then checks that the registry refuses the blocked address,
 * that a transfer to it would revert `PolicyForbids` and a transfer to anyone else would not.
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
    const policy = await createPolicy(context, "blacklist", [blocked])
    if (policy.isErr()) return policy
    const { policyId } = policy.value
    const attached = await attachPolicyAndMint(context, address, policyId, 1_000n)
    if (attached.isErr()) return attached
    // Created and attached in mined transactions: the test reads isAuthorized and transferPolicyId
    // on chain (the task reads nothing back).
    return succeeded(
      [token.value.creation, policy.value.sent, attached.value.sent],
      [`blacklist ${policyId} blocks ${blocked} on ${address}`],
    )
  },
})
