import { defineTask, type SentTransaction, succeeded, taskFailure } from "@testnet/core"
import { tempoAddresses } from "../../contracts/addresses.js"
import { encodeDexWithdraw } from "../../contracts/stablecoinDex.js"
import { readBalance } from "../shared/reads.js"
import { dexBalance } from "./book.js"
import { dexGas, sendDexCalls } from "./calls.js"
import { findOrCreateDexMarket } from "./market.js"
import { placeAndCancelAsk } from "./roundTrip.js"

/**
 * Withdraws the wallet's whole internal DEX balance of its market's base token (order proceeds
 * and refunds); when it is empty, first places and cancels an ask to get a refund credited.
 * Checks that the wallet's token balance rose by exactly the amount withdrawn.
 *
 * @example
 * tempo.tasks.find((task) => task.name === "dex_withdraw")
 */
export const dexWithdraw = defineTask({
  name: "dex_withdraw",
  weight: 1,
  description: "Withdraws the internal stablecoin DEX balance to the wallet.",
  async run(context) {
    const market = await findOrCreateDexMarket(context)
    if (market.isErr()) return market
    const token = market.value.base
    const sent: (SentTransaction | undefined)[] = [market.value.creation]
    let balance = await dexBalance(context, token)
    if (balance.isOk() && balance.value === 0n) {
      const refunded = await placeAndCancelAsk(context, token)
      if (refunded.isErr()) return refunded
      sent.push(...refunded.value.transactions)
      balance = await dexBalance(context, token)
    }
    if (balance.isErr()) return balance
    const before = await readBalance(context, token, context.address)
    if (before.isErr()) return before
    const withdraw = [{ to: tempoAddresses.stablecoinDex, input: encodeDexWithdraw(token, balance.value) }]
    const done = await sendDexCalls(context, withdraw, dexGas.settle)
    if (done.isErr()) return done
    const after = await readBalance(context, token, context.address)
    if (after.isErr()) return after
    const rose = after.value - before.value
    if (rose !== balance.value)
      return taskFailure(context, `balance rose by ${rose}, expected ${balance.value}`)
    return succeeded([...sent, done.value.sent], [`withdrew ${balance.value}`])
  },
})
