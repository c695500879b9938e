import { defineTask, sendExpectingRevert, taskFailure } from "@testnet/core"
import { tempoAddresses } from "../../contracts/addresses.js"
import { encodeTip20Transfer } from "../../contracts/tip20.js"
import { tempoRequest } from "../shared/tempoRequest.js"
import { adminGas, createPolicy } from "./calls.js"
import { findOrCreatePolicyToken } from "./policyToken.js"
import { simulateRevert } from "./simulate.js"
import { attachPolicyAndMint, policyForbidsSelector } from "./tokenPolicy.js"

/**
 * A negative test: attaches a whitelist holding only the wallet to its policy token (minting to
 * itself in the same batch), then sends a transfer to an address outside the whitelist. The task
 * succeeds when the chain refuses it as TIP-403 says: the `eth_call` reverts `PolicyForbids` and
 * the transaction is mined with status 0. A transfer that goes through is an error.
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
    const policy = await createPolicy(context, "whitelist", [context.address])
    if (policy.isErr()) return policy
    const amount = context.random.bigint(1n, 1_000n)
    const attached = await attachPolicyAndMint(context, address, policy.value.policyId, amount)
    if (attached.isErr()) return attached
    const transfer = encodeTip20Transfer(context.random.address(), amount)
    const simulated = await simulateRevert(context, address, transfer)
    if (simulated.isErr()) return simulated
    if (simulated.value !== policyForbidsSelector)
      return taskFailure(
        context,
        `the transfer would give ${simulated.value ?? "success"}, not PolicyForbids`,
      )
    return sendExpectingRevert(
      context,
      tempoRequest(context.wallet, {
        calls: [{ to: address, input: transfer }],
        gasLimit: adminGas(1),
        feeToken: tempoAddresses.pathUsd,
      }),
      [token.value.creation, policy.value.sent, attached.value.sent],
    )
  },
})
