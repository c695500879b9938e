import { defineTask, succeeded } from "@testnet/core"
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
    const cancelled = await placeAndCancelAsk(context, market.value.base)
    if (cancelled.isErr()) return cancelled
    const { orderId, transactions } = cancelled.value
    return succeeded([market.value.creation, ...transactions], [`order ${orderId} placed and cancelled`])
  },
})
