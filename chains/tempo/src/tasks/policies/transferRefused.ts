import { defineTask, sendExpectingRevert, taskFailure } from "@testnet/core"
import { tempoAddresses } from "../../contracts/addresses.js"
import { encodeTip20Transfer } from "../../contracts/tip20.js"
import { confirmAll, sendPending, sentOf } from "../shared/pendingSend.js"
import { sendPathUsdCallsPending } from "../shared/sendPathUsdCalls.js"
import { tempoRequest } from "../shared/tempoRequest.js"
import { adminGas, sendCreatePolicy } from "./calls.js"
import { findOrCreatePolicyToken } from "./policyToken.js"
import { simulateRevert } from "./simulate.js"
import { attachPolicyAndMintCalls, policyForbidsSelector } from "./tokenPolicy.js"

/**
 * A negative test: attaches a whitelist holding only the wallet to its policy token (minting to
 * itself in the same batch), and right behind that batch sends a transfer to an address outside
 * the whitelist. The task succeeds when the chain refuses it as TIP-403 says: the attach batch
 * succeeded, the transfer is mined with status 0, and the `eth_call` of the same transfer (on the
 * state after both) reverts `PolicyForbids`. A transfer that goes through is an error. The
 * whitelist goes right behind the policy token's creation when this task creates the token.
 *
 * @example
 * tempo.tasks.find((task) => task.name === "tip403_transfer_refused")
 */
export const tip403TransferRefused = defineTask({
  name: "tip403_transfer_refused",
  weight: 1,
  expectedFailure: true,
  description: "Sends a transfer its token's TIP-403 whitelist forbids; success = the chain refuses it.",
  async run(context) {
    const token = await findOrCreatePolicyToken(context)
    if (token.isErr()) return token
    const address = token.value.address
    const policy = await sendCreatePolicy(context, "whitelist", [context.address])
    if (policy.isErr()) return policy
    const created = await confirmAll([token.value.creation, policy.value.pending] as const)
    if (created.isErr()) return created
    const policyId = await policy.value.policyId()
    if (policyId.isErr()) return policyId
    const amount = context.random.bigint(1n, 1_000n)
    const calls = attachPolicyAndMintCalls(context, address, policyId.value, amount)
    const attach = sendPathUsdCallsPending(context, calls, adminGas(calls.length))
    const transfer = encodeTip20Transfer(context.random.address(), amount)
    const refused = sendPending(
      context,
      tempoRequest(context.wallet, {
        calls: [{ to: address, input: transfer }],
        gasLimit: adminGas(1),
        feeToken: tempoAddresses.pathUsd,
      }),
    )
    const attached = await confirmAll([token.value.creation, policy.value.pending, attach] as const)
    if (attached.isErr()) return attached
    const outcome = await sendExpectingRevert(context, refused, sentOf(attached.value))
    if (outcome.isErr()) return outcome
    // Why it reverted: the same transfer, asked on the state after both, is refused by the policy.
    const simulated = await simulateRevert(context, address, transfer)
    if (simulated.isErr()) return simulated
    if (simulated.value !== policyForbidsSelector)
      return taskFailure(
        context,
        `the transfer would give ${simulated.value ?? "success"}, not PolicyForbids`,
      )
    return outcome
  },
})
