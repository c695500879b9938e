import { defineTask, succeeded, taskFailure } from "@testnet/core"
import { encodeTip20Mint, encodeTip20Transfer } from "../../contracts/tip20.js"
import { adminGas, createPolicy, sendCalls } from "./calls.js"
import { findOrCreatePolicyToken } from "./policyToken.js"
import { simulateRevert } from "./simulate.js"
import { attachPolicyCall, policyForbidsSelector, readAuthorized } from "./tokenPolicy.js"

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
    const [blockedAllowed, selfAllowed, toBlocked, toOther] = await Promise.all([
      readAuthorized(context, "isAuthorized", policyId, blocked),
      readAuthorized(context, "isAuthorized", policyId, context.address),
      simulateRevert(context, address, encodeTip20Transfer(blocked, 1n)),
      simulateRevert(context, address, encodeTip20Transfer(context.random.address(), 1n)),
    ])
    for (const read of [blockedAllowed, selfAllowed, toBlocked, toOther]) if (read.isErr()) return read
    if (blockedAllowed.unwrap() || !selfAllowed.unwrap())
      return taskFailure(context, `blacklist ${policyId} authorizes the wrong accounts`)
    if (toBlocked.unwrap() !== policyForbidsSelector)
      return taskFailure(
        context,
        `a transfer to ${blocked} would give ${toBlocked.unwrap() ?? "success"}, not PolicyForbids`,
      )
    if (toOther.unwrap() !== undefined)
      return taskFailure(context, `a transfer to an unlisted address would revert ${toOther.unwrap()}`)
    return succeeded(
      [token.value.creation, policy.value.sent, attached.value.sent],
      [`blacklist ${policyId} blocks ${blocked} on ${address}`],
    )
  },
})
