import { defineTask, succeeded, taskFailure } from "@testnet/core"
import { id } from "ethers"
import { encodeTip20Burn } from "../../contracts/tip20.js"

import type { TempoCall } from "../../transaction/types.js"
import { findOrCreateOwnedToken, issuerRoleCalls, mintIfShort, sendTokenCalls } from "../shared/ownedToken.js"

const burnTopic = id("Burn(address,uint256)")

/**
 * Burns part of the wallet's balance of its own token (minting it first, in the same batch, when
 * the balance may be too small); checks the receipt's Burn log of the amount (the test reads the
 * balance on chain).
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
    const amount = context.random.bigint(1n, 1_000n)
    const [role, short] = await Promise.all([
      issuerRoleCalls(context, token),
      mintIfShort(context, token, amount),
    ])
    if (role.isErr()) return role
    if (short.isErr()) return short
    const calls: TempoCall[] = [
      ...role.value,
      ...short.value.calls,
      { to: token, input: encodeTip20Burn(amount) },
    ]
    const done = await sendTokenCalls(context, calls)
    if (done.isErr()) return done
    // The token's Burn(from, amount) log is the effect; the test reads the balance on chain.
    const burned = done.value.receipt.logs.some(
      (log) =>
        log.topics[0] === burnTopic && log.data.length >= 66 && BigInt(log.data.slice(0, 66)) === amount,
    )
    if (!burned) return taskFailure(context, `no Burn log of ${amount}`)
    return succeeded([owned.value.creation, done.value.sent], [`burned ${amount} ${owned.value.symbol}`])
  },
})
