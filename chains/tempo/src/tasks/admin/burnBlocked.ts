import { defineTask, Ok, succeeded, taskFailure } from "@testnet/core"
import { encodeTip20Mint, tip20Interface, tip20Roles } from "../../contracts/tip20.js"
import { tip403BuiltinPolicy } from "../../contracts/tip403Registry.js"
import type { TempoCall } from "../../transaction/types.js"
import { adminGas, sendCreatePolicy } from "../policies/calls.js"
import { attachPolicyCall, readTransferPolicyId } from "../policies/tokenPolicy.js"
import { createdByThisRun, findOrCreateOwnedToken, issuerRoleCalls } from "../shared/ownedToken.js"
import { confirmAll, sentOf } from "../shared/pendingSend.js"
import { sendPathUsdCalls } from "../shared/sendPathUsdCalls.js"
import { missingRoleCalls } from "./roles.js"

const burnBlockedTopic = tip20Interface.getEvent("BurnBlocked")?.topicHash
const transferPolicyUpdateTopic = tip20Interface.getEvent("TransferPolicyUpdate")?.topicHash

function addressTopic(address: string): string {
  return `0x${address.slice(2).toLowerCase().padStart(64, "0")}`
}

/**
 * A compliance seizure on the wallet's own token: mints to a holder, blacklists it (TIP-403), and
 * with BURN_BLOCKED_ROLE burns the holder's balance (`burnBlocked` refuses holders the policy
 * allows), then restores the token's previous policy — all in one batch after the policy is
 * created, so the token is never left restricted. The blacklist goes out first (right behind the
 * token's creation when this task creates it; a token of this run is at allow-all); the batch names
 * its id, so it waits for it. Checks the receipt: BurnBlocked of the holder's whole balance (what
 * the batch minted to it) and the last TransferPolicyUpdate restoring the previous policy (the
 * test reads the balance and the policy on chain).
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
    const policy = await sendCreatePolicy(context, "blacklist", [holder])
    if (policy.isErr()) return policy
    const [issuer, burner, previous] = await Promise.all([
      issuerRoleCalls(context, token),
      missingRoleCalls(context, token, [tip20Roles.burnBlocked]),
      // A token this run created starts at allow-all, and only this task changes its policy, always
      // back: no read. A token from an earlier run may carry anything.
      createdByThisRun(context, token, context.address)
        ? Ok(tip403BuiltinPolicy.allowAll)
        : readTransferPolicyId(context, token),
    ])
    if (issuer.isErr()) return issuer
    if (burner.isErr()) return burner
    if (previous.isErr()) return previous
    const created = await confirmAll([owned.value.creation, policy.value.pending] as const)
    if (created.isErr()) return created
    const policyId = await policy.value.policyId()
    if (policyId.isErr()) return policyId
    const amount = context.random.bigint(1n, 1_000_000n)
    const calls: TempoCall[] = [
      ...issuer.value,
      ...burner.value,
      { to: token, input: encodeTip20Mint(holder, amount) },
      attachPolicyCall(token, policyId.value),
      { to: token, input: tip20Interface.encodeFunctionData("burnBlocked", [holder, amount]) },
      attachPolicyCall(token, previous.value),
    ]
    const done = await sendPathUsdCalls(context, calls, adminGas(calls.length))
    if (done.isErr()) return done
    const logs = done.value.receipt.logs.filter((log) => log.address.toLowerCase() === token.toLowerCase())
    // The holder is a fresh random address: the batch's mint is all it held, and the burn took it.
    const burned = logs.some(
      (log) =>
        log.topics[0] === burnBlockedTopic &&
        log.topics[1]?.toLowerCase() === addressTopic(holder) &&
        log.data.length >= 66 &&
        BigInt(log.data.slice(0, 66)) === amount,
    )
    if (!burned) return taskFailure(context, `no BurnBlocked log of ${amount} at ${holder}`)
    const restored = logs.filter((log) => log.topics[0] === transferPolicyUpdateTopic).at(-1)
    if (restored === undefined || BigInt(restored.topics[2] ?? "0x0") !== previous.value)
      return taskFailure(
        context,
        `the last TransferPolicyUpdate is not the previous policy ${previous.value}`,
      )
    return succeeded([...sentOf(created.value), done.value.sent], [`burned ${amount} blocked at ${holder}`])
  },
})
