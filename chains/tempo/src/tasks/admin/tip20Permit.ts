import { defineTask, readValue, succeeded, taskFailure } from "@testnet/core"
import { tip20Interface } from "../../contracts/tip20.js"
import { adminGas, sendCalls } from "../policies/calls.js"
import { findOrCreateOwnedToken } from "../shared/ownedToken.js"
import { createOfflineHolder, signedPermitCall } from "./permit.js"

/**
 * EIP-2612 `permit` on the wallet's own TIP-20: a holder that never sends a transaction signs an
 * allowance for the wallet, and the wallet submits it (gasless approval). Checks the allowance and
 * that the holder's permit nonce advanced.
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
    const permit = await signedPermitCall(context, token, holder, context.address, value)
    if (permit.isErr()) return permit
    const done = await sendCalls(context, [permit.value], adminGas(1))
    if (done.isErr()) return done
    const [allowance, nonce] = await Promise.all([
      readValue<bigint>(
        context,
        token,
        tip20Interface.encodeFunctionData("allowance", [holder.address, context.address]),
        "uint256",
      ),
      readValue<bigint>(
        context,
        token,
        tip20Interface.encodeFunctionData("nonces", [holder.address]),
        "uint256",
      ),
    ])
    if (allowance.isErr()) return allowance
    if (nonce.isErr()) return nonce
    if (allowance.value !== value)
      return taskFailure(context, `allowance ${allowance.value}, expected ${value}`)
    if (nonce.value !== 1n)
      return taskFailure(context, `the holder's permit nonce is ${nonce.value}, expected 1`)
    return succeeded([owned.value.creation, done.value.sent], [`permit of ${value} from ${holder.address}`])
  },
})
