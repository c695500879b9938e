import { defineTask, succeeded, taskFailure } from "@testnet/core"
import { encodeTip20Burn, encodeTip20Mint } from "../../contracts/tip20.js"
import type { TempoCall } from "../../transaction/types.js"
import { findOrCreateOwnedToken, issuerRoleCalls, sendTokenCalls } from "../shared/ownedToken.js"
import { readBalance } from "../shared/reads.js"

/**
 * Burns part of the wallet's balance of its own token (minting it first, in the same batch, when
 * the balance is too small); checks the balance dropped by the burned amount.
 *
 * @example
 * tempo.tasks.find((task) => task.name === "tip20_burn")
 */
export const tip20Burn = defineTask({
  name: "tip20_burn",
  weight: 1,
  description: "Burns some of its own token (mints first in the same batch if needed).",
  async run(context) {
    const owned = await findOrCreateOwnedToken(context)
    if (owned.isErr()) return owned
    const token = owned.value.address
    const [role, before] = await Promise.all([
      issuerRoleCalls(context, token),
      readBalance(context, token, context.address),
    ])
    if (role.isErr()) return role
    if (before.isErr()) return before
    const amount = context.random.bigint(1n, 1_000n)
    const minted = before.value < amount ? amount : 0n
    const calls: TempoCall[] = [
      ...role.value,
      ...(minted > 0n ? [{ to: token, input: encodeTip20Mint(context.address, minted) }] : []),
      { to: token, input: encodeTip20Burn(amount) },
    ]
    const done = await sendTokenCalls(context, calls)
    if (done.isErr()) return done
    const after = await readBalance(context, token, context.address)
    if (after.isErr()) return after
    const expected = before.value + minted - amount
    if (after.value !== expected) return taskFailure(context, `balance ${after.value}, expected ${expected}`)
    return succeeded([owned.value.creation, done.value.sent], [`burned ${amount} ${owned.value.symbol}`])
  },
})
