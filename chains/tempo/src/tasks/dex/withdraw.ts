import { defineTask, Ok, succeeded, taskFailure } from "@testnet/core"
import { tempoAddresses } from "../../contracts/addresses.js"
import { encodeDexWithdraw } from "../../contracts/stablecoinDex.js"
import { confirmAll, type PendingTransaction, sentOf } from "../shared/pendingSend.js"
import { sendPathUsdCallsPending } from "../shared/sendPathUsdCalls.js"
import { hasTip20Transfer } from "../shared/transferLogs.js"
import { dexBalance } from "./book.js"
import { dexGas } from "./calls.js"
import { findOrCreateDexMarket } from "./market.js"
import { placeAndCancelAsk } from "./roundTrip.js"

/**
 * Withdraws the wallet's whole internal DEX balance of its market's base token (order proceeds
 * and refunds); when it is empty, first places and cancels an ask to get a refund credited, and
 * withdraws right behind the cancel: the refund is the ask's whole amount (only this wallet holds
 * the market's tokens, and it runs one task at a time, so nothing fills the ask meanwhile). A
 * market created by this task has an empty balance (no read). Checks the withdrawal's receipt: the
 * DEX transferred exactly the amount to the wallet (the test reads both balances on chain).
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
    const steps: (PendingTransaction | undefined)[] = [market.value.creation]
    const read = market.value.creation === undefined ? await dexBalance(context, token) : Ok(0n)
    if (read.isErr()) return read
    let balance = read.value
    if (balance === 0n) {
      const refunded = await placeAndCancelAsk(context, market.value)
      if (refunded.isErr()) return refunded
      steps.push(refunded.value.place, refunded.value.cancel)
      balance += refunded.value.amount
    }
    const withdraw = [{ to: tempoAddresses.stablecoinDex, input: encodeDexWithdraw(token, balance) }]
    const withdrawn = sendPathUsdCallsPending(context, withdraw, dexGas.settle)
    steps.push(withdrawn)
    const mined = await confirmAll(steps)
    if (mined.isErr()) return mined
    const last = mined.value[mined.value.length - 1]
    const paid = { token, from: tempoAddresses.stablecoinDex, to: context.address, amount: balance }
    if (last === undefined || !hasTip20Transfer(last.receipt.logs, paid))
      return taskFailure(context, `no transfer of ${balance} from the DEX to the wallet in the receipt`)
    return succeeded(sentOf(mined.value), [`withdrew ${balance}`])
  },
})
