import { defineTask, succeeded, taskFailure } from "@testnet/core"
import { adminGas } from "../policies/calls.js"
import { findOrCreateOwnedToken } from "../shared/ownedToken.js"
import { confirmAll, sentOf } from "../shared/pendingSend.js"
import { sendPathUsdCallsPending } from "../shared/sendPathUsdCalls.js"
import { hasTip20Approval } from "../shared/transferLogs.js"
import { createOfflineHolder, signedPermitCall } from "./permit.js"

/**
 * EIP-2612 `permit` on the wallet's own TIP-20: a holder that never sends a transaction signs an
 * allowance for the wallet, and the wallet submits it (gasless approval; right behind the token's
 * creation when this task creates it, signed over the domain computed from its name). Checks the receipt's
 * Approval event (the test reads the allowance and the advanced permit nonce on chain).
 *
 * @example
 * tempo.tasks.find((task) => task.name === "tip20_permit")
 */
export const tip20Permit = defineTask({
  name: "tip20_permit",
  weight: 2,
  description: "Submits an EIP-2612 permit signed by an offline holder (gasless approval of its token).",
  async run(context) {
    const owned = await findOrCreateOwnedToken(context)
    if (owned.isErr()) return owned
    const token = owned.value.address
    const holder = createOfflineHolder(context)
    const value = context.random.bigint(1n, 1_000_000_000n)
    const permit = await signedPermitCall(context, owned.value, holder, context.address, value)
    if (permit.isErr()) return permit
    const submitted = sendPathUsdCallsPending(context, [permit.value], adminGas(1))
    const steps = [owned.value.creation, submitted] as const
    const mined = await confirmAll(steps)
    if (mined.isErr()) return mined
    // The permit executed (its nonce and signature checked by the token) when the receipt holds
    // its Approval event; the test reads the allowance and the nonce on chain.
    if (
      !hasTip20Approval(mined.value[1].receipt.logs, {
        token,
        owner: holder.address,
        spender: context.address,
        amount: value,
      })
    )
      return taskFailure(context, `no Approval event of ${value} from ${holder.address} in the receipt`)
    return succeeded(sentOf(mined.value), [`permit of ${value} from ${holder.address}`])
  },
})
