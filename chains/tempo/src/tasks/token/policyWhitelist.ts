import { defineTask, sendAndConfirm, succeeded, type TransactionReceipt, taskFailure } from "@testnet/core"
import { id, toBeHex, zeroPadValue } from "ethers"
import { tempoAddresses } from "../../contracts/addresses.js"
import {
  encodeCreatePolicy,
  encodeModifyPolicyWhitelist,
  tip403PolicyType,
} from "../../contracts/tip403Registry.js"
import { tempoGasLimits } from "../shared/gasLimits.js"

const registry = tempoAddresses.tip403Registry

/**
 * `WhitelistUpdated(uint64 indexed policyId, address indexed updater, address indexed account,
 * bool allowed)`, emitted by the TIP-403 registry when a whitelist changes (tempo
 * `ITIP403Registry`).
 */
const whitelistUpdatedTopic = id("WhitelistUpdated(uint64,address,address,bool)")

/** Whether `receipt` holds the registry's event adding `member` to the whitelist `policyId`. */
function whitelisted(receipt: TransactionReceipt, policyId: bigint, member: string): boolean {
  const policyTopic = zeroPadValue(toBeHex(policyId), 32)
  const memberTopic = zeroPadValue(member, 32).toLowerCase()
  return receipt.logs.some(
    (log) =>
      log.address.toLowerCase() === registry.toLowerCase() &&
      log.topics[0] === whitelistUpdatedTopic &&
      log.topics[1]?.toLowerCase() === policyTopic &&
      log.topics[3]?.toLowerCase() === memberTopic &&
      BigInt(log.data === "0x" ? 0 : log.data) === 1n,
  )
}

/**
 * Creates a TIP-403 whitelist policy administered by the wallet, takes the new policy id from the
 * creation event (concurrent creators make `policyIdCounter` unreliable), whitelists a random
 * address, checks the registry's WhitelistUpdated event in the receipt (the test reads
 * `isAuthorized` on chain), and records the policy as asset kind "tip403_policy".
 *
 * @example
 * tempo.tasks.find((task) => task.name === "tip403_policy_whitelist")
 */
export const tip403PolicyWhitelist = defineTask({
  name: "tip403_policy_whitelist",
  weight: 1,
  description: "Creates a TIP-403 whitelist policy and whitelists a random address.",
  async run(context) {
    const created = await sendAndConfirm(context, {
      to: registry,
      data: encodeCreatePolicy(context.address, tip403PolicyType.whitelist),
      value: 0n,
      gasLimit: tempoGasLimits.policy,
    })
    if (created.isErr()) return created
    const event = created.value.receipt.logs.find(
      (log) => log.address.toLowerCase() === registry.toLowerCase() && log.topics.length >= 2,
    )
    if (event?.topics[1] === undefined) return taskFailure(context, "no policy creation event")
    const policyId = BigInt(event.topics[1])
    const member = context.random.address()
    const updated = await sendAndConfirm(context, {
      to: registry,
      data: encodeModifyPolicyWhitelist(policyId, member, true),
      value: 0n,
      gasLimit: tempoGasLimits.policy,
    })
    if (updated.isErr()) return updated
    if (!whitelisted(updated.value.receipt, policyId, member))
      return taskFailure(context, `no WhitelistUpdated event adding ${member} to policy ${policyId}`)
    context.recordAsset({
      kind: "tip403_policy",
      address: registry,
      tokenId: policyId.toString(),
      transactionHash: created.value.sent.hash,
      metadata: { policyType: "whitelist", admin: context.address, whitelisted: [member] },
    })
    return succeeded([created.value.sent, updated.value.sent], [`policy ${policyId} whitelists ${member}`])
  },
})
