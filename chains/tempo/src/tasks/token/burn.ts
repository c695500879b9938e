import { defineTask, succeeded, taskFailure } from "@testnet/core"
import { encodeTip20Burn } from "../../contracts/tip20.js"
import { findOrCreateOwnedToken, sendTokenCalls } from "../shared/ownedToken.js"
import { hasBurnLog, ownTokenBurnCalls } from "../shared/ownTokenBurn.js"
import { confirmAll, sentOf } from "../shared/pendingSend.js"

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
    const batch = await ownTokenBurnCalls(context, token, amount, {
      to: token,
      input: encodeTip20Burn(amount),
    })
    if (batch.isErr()) return batch
    const burn = sendTokenCalls(context, batch.value.calls)
    const steps = [owned.value.creation, burn] as const
    const mined = await confirmAll(steps)
    if (mined.isErr()) return mined
    // The token's Burn(from, amount) log is the effect; the test reads the balance on chain.
    if (!hasBurnLog(mined.value[1].receipt.logs, amount))
      return taskFailure(context, `no Burn log of ${amount}`)
    return succeeded(sentOf(mined.value), [`burned ${amount} ${owned.value.symbol}`])
  },
})
