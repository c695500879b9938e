import { defineTask, succeeded } from "@testnet/core"
import { encodeTip20Mint } from "../../contracts/tip20.js"
import { adminGas, createPolicy, sendCalls } from "./calls.js"
import { findOrCreatePolicyToken } from "./policyToken.js"
import { attachPolicyCall } from "./tokenPolicy.js"

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
    const calls = [
      attachPolicyCall(address, policyId),
      { to: address, input: encodeTip20Mint(context.address, 1_000n) },
    ]
    const attached = await sendCalls(context, calls, adminGas(calls.length))
    if (attached.isErr()) return attached
    // Created and attached in mined transactions: the test reads isAuthorized and transferPolicyId
    // on chain (the task reads nothing back).
    return succeeded(
      [token.value.creation, policy.value.sent, attached.value.sent],
      [`blacklist ${policyId} blocks ${blocked} on ${address}`],
    )
  },
})
