import { defineTask, succeeded, taskFailure } from "@testnet/core"
import { tempoAddresses } from "../../contracts/addresses.js"
import { tip403BuiltinPolicy, tip403RegistryInterface } from "../../contracts/tip403Registry.js"
import { confirmAll, sentOf } from "../shared/pendingSend.js"
import { sendPathUsdCalls, sendPathUsdCallsPending } from "../shared/sendPathUsdCalls.js"
import { createdPolicyIds, createPolicyCall, policyGas } from "./calls.js"
import { findOrCreatePolicyToken } from "./policyToken.js"
import { attachPolicyAndMint } from "./tokenPolicy.js"

/**
 * A TIP-403 compound policy (TIP-1015): senders must be on a whitelist (the wallet and a partner),
 * recipients must not be on a blacklist, mint recipients are unrestricted. Creates both simple
 * policies in one batch, the compound one, attaches it to the wallet's policy token (minting to
 * itself in the same batch). Three blocks, as each step names the ids the one before created (the
 * simple policies go right behind the policy token's creation when this task creates it). The test
 * checks `compoundPolicyData`, the sender/recipient views and that a transfer to the blacklisted
 * address would revert `PolicyForbids`.
 *
 * @example
 * tempo.tasks.find((task) => task.name === "tip403_compound_policy")
 */
export const tip403CompoundPolicy = defineTask({
  name: "tip403_compound_policy",
  weight: 1,
  description: "Attaches a compound TIP-403 policy (sender whitelist + recipient blacklist) to its token.",
  async run(context) {
    const token = await findOrCreatePolicyToken(context)
    if (token.isErr()) return token
    const address = token.value.address
    const [partner, blocked] = [context.random.address(), context.random.address()]
    const simple = sendPathUsdCallsPending(
      context,
      [
        createPolicyCall(context.address, "whitelist", [context.address, partner]),
        createPolicyCall(context.address, "blacklist", [blocked]),
      ],
      policyGas.createPolicy * 2n,
    )
    const created = await confirmAll([token.value.creation, simple] as const)
    if (created.isErr()) return created
    const [senderPolicy, recipientPolicy] = createdPolicyIds(created.value[1].receipt)
    if (senderPolicy === undefined || recipientPolicy === undefined)
      return taskFailure(context, "expected two PolicyCreated logs")
    const mintPolicy = tip403BuiltinPolicy.allowAll
    const compoundData = tip403RegistryInterface.encodeFunctionData("createCompoundPolicy", [
      senderPolicy,
      recipientPolicy,
      mintPolicy,
    ])
    const compound = await sendPathUsdCalls(
      context,
      [{ to: tempoAddresses.tip403Registry, input: compoundData }],
      policyGas.createPolicy,
    )
    if (compound.isErr()) return compound
    const [policyId] = createdPolicyIds(compound.value.receipt)
    if (policyId === undefined) return taskFailure(context, "no CompoundPolicyCreated log in the receipt")
    const attached = await attachPolicyAndMint(context, address, policyId, 1_000n)
    if (attached.isErr()) return attached
    // Created (its CompoundPolicyCreated log) and attached in mined transactions: the test reads the
    // policy's parts, authorizations and the token's transferPolicyId on chain.
    return succeeded(
      [...sentOf(created.value), compound.value.sent, attached.value.sent],
      [`compound ${policyId} (senders ${senderPolicy}, recipients ${recipientPolicy}) on ${address}`],
    )
  },
})
