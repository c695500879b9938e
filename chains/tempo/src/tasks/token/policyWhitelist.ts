import { defineTask, readValue, sendAndConfirm, succeeded, taskFailure } from "@testnet/core"
import { tempoAddresses } from "../../contracts/addresses.js"
import {
  encodeCreatePolicy,
  encodeModifyPolicyWhitelist,
  tip403PolicyType,
  tip403RegistryInterface,
} from "../../contracts/tip403Registry.js"
import { tempoGasLimits } from "../shared/gasLimits.js"

const registry = tempoAddresses.tip403Registry

/**
 * Creates a TIP-403 whitelist policy administered by the wallet, takes the new policy id from the
 * creation event (concurrent creators make `policyIdCounter` unreliable), whitelists a random
 * address, checks `isAuthorized`, and records the policy as asset kind "tip403_policy".
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
    const whitelisted = await sendAndConfirm(context, {
      to: registry,
      data: encodeModifyPolicyWhitelist(policyId, member, true),
      value: 0n,
      gasLimit: tempoGasLimits.policy,
    })
    if (whitelisted.isErr()) return whitelisted
    const authorized = await readValue<boolean>(
      context,
      registry,
      tip403RegistryInterface.encodeFunctionData("isAuthorized", [policyId, member]),
      "bool",
    )
    if (authorized.isErr()) return authorized
    if (!authorized.value) return taskFailure(context, `policy ${policyId} does not authorize ${member}`)
    context.recordAsset({
      kind: "tip403_policy",
      address: registry,
      tokenId: policyId.toString(),
      transactionHash: created.value.sent.hash,
      metadata: { policyType: "whitelist", admin: context.address, whitelisted: [member] },
    })
    return succeeded(
      [created.value.sent, whitelisted.value.sent],
      [`policy ${policyId} whitelists ${member}`],
    )
  },
})
