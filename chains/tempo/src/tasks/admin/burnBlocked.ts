import { defineTask, succeeded, taskFailure } from "@testnet/core"
import { encodeTip20Mint, tip20Interface, tip20Roles } from "../../contracts/tip20.js"
import type { TempoCall } from "../../transaction/types.js"
import { adminGas, createPolicy, sendCalls } from "../policies/calls.js"
import { attachPolicyCall, readTransferPolicyId } from "../policies/tokenPolicy.js"
import { findOrCreateOwnedToken, issuerRoleCalls } from "../shared/ownedToken.js"
import { readBalance } from "../shared/reads.js"
import { missingRoleCalls } from "./roles.js"

const burnBlockedTopic = tip20Interface.getEvent("BurnBlocked")?.topicHash

/**
 * A compliance seizure on the wallet's own token: mints to a holder, blacklists it (TIP-403), and
 * with BURN_BLOCKED_ROLE burns the holder's balance (`burnBlocked` refuses holders the policy
 * allows), then restores the token's previous policy — all in one batch after the policy is
 * created, so the token is never left restricted. Checks the BurnBlocked log and the holder's
 * balance.
 *
 * @example
 * tempo.tasks.find((task) => task.name === "tip20_burn_blocked")
 */
export const tip20BurnBlocked = defineTask({
  name: "tip20_burn_blocked",
  weight: 1,
  description: "Blacklists a holder of its own token and burns the blocked balance (burnBlocked).",
  async run(context) {
    const owned = await findOrCreateOwnedToken(context)
    if (owned.isErr()) return owned
    const token = owned.value.address
    const holder = context.random.address()
    const [issuer, burner, previous] = await Promise.all([
      issuerRoleCalls(context, token),
      missingRoleCalls(context, token, [tip20Roles.burnBlocked]),
      readTransferPolicyId(context, token),
    ])
    if (issuer.isErr()) return issuer
    if (burner.isErr()) return burner
    if (previous.isErr()) return previous
    const policy = await createPolicy(context, "blacklist", [holder])
    if (policy.isErr()) return policy
    const amount = context.random.bigint(1n, 1_000_000n)
    const calls: TempoCall[] = [
      ...issuer.value,
      ...burner.value,
      { to: token, input: encodeTip20Mint(holder, amount) },
      attachPolicyCall(token, policy.value.policyId),
      { to: token, input: tip20Interface.encodeFunctionData("burnBlocked", [holder, amount]) },
      attachPolicyCall(token, previous.value),
    ]
    const done = await sendCalls(context, calls, adminGas(calls.length))
    if (done.isErr()) return done
    if (!done.value.receipt.logs.some((log) => log.topics[0] === burnBlockedTopic))
      return taskFailure(context, "no BurnBlocked log in the receipt")
    const [left, restored] = await Promise.all([
      readBalance(context, token, holder),
      readTransferPolicyId(context, token),
    ])
    if (left.isErr()) return left
    if (restored.isErr()) return restored
    if (left.value !== 0n) return taskFailure(context, `the blocked holder still holds ${left.value}`)
    if (restored.value !== previous.value)
      return taskFailure(context, `transferPolicyId ${restored.value}, expected ${previous.value} restored`)
    return succeeded(
      [owned.value.creation, policy.value.sent, done.value.sent],
      [`burned ${amount} blocked at ${holder}`],
    )
  },
})
