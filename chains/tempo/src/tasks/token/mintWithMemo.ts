import { defineTask, succeeded } from "@testnet/core"
import { encodeTip20MintWithMemo } from "../../contracts/tip20.js"
import { findOrCreateOwnedToken, issuerRoleCalls, sendTokenCalls } from "../shared/ownedToken.js"
import { confirmAll, sentOf } from "../shared/pendingSend.js"

/**
 * `mintWithMemo` of the wallet's own token to a random address with a random memo (the issuer
 * role is granted in the same batch when missing).
 *
 * @example
 * tempo.tasks.find((task) => task.name === "tip20_mint_with_memo")
 */
export const tip20MintWithMemo = defineTask({
  name: "tip20_mint_with_memo",
  weight: 3,
  description: "Mints its own token to a random address with a 32-byte memo.",
  async run(context) {
    const owned = await findOrCreateOwnedToken(context)
    if (owned.isErr()) return owned
    const token = owned.value.address
    const role = await issuerRoleCalls(context, token)
    if (role.isErr()) return role
    const memo = context.random.hex(32)
    const amount = context.random.bigint(1n, 1_000_000n)
    const mint = sendTokenCalls(context, [
      ...role.value,
      {
        to: token,
        input: encodeTip20MintWithMemo(context.random.address(), amount, memo),
      },
    ])
    const steps = [owned.value.creation, mint] as const
    const mined = await confirmAll(steps)
    if (mined.isErr()) return mined
    return succeeded(sentOf(mined.value), [`minted ${amount} with memo ${memo}`])
  },
})
