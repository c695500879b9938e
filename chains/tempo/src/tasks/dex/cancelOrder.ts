import { defineTask, succeeded } from "@testnet/core"
import { confirmAll, sentOf } from "../shared/pendingSend.js"
import { findOrCreateDexMarket } from "./market.js"
import { placeAndCancelAsk } from "./roundTrip.js"

/**
 * Places an ask on the wallet's own market, then cancels it and checks the OrderCancelled log.
 * The task places the order itself: an order recorded earlier may have been filled since.
 *
 * @example
 * tempo.tasks.find((task) => task.name === "dex_cancel_order")
 */
export const dexCancelOrder = defineTask({
  name: "dex_cancel_order",
  weight: 2,
  description: "Places an order on the stablecoin DEX and cancels it.",
  async run(context) {
    const market = await findOrCreateDexMarket(context)
    if (market.isErr()) return market
    const round = await placeAndCancelAsk(context, market.value)
    if (round.isErr()) return round
    const steps = [market.value.creation, round.value.place, round.value.cancel] as const
    const mined = await confirmAll(steps)
    if (mined.isErr()) return mined
    return succeeded(sentOf(mined.value), [`order ${round.value.orderId} placed and cancelled`])
  },
})
