import { defineTask, succeeded, taskFailure } from "@testnet/core"
import { dexGas, flipBidCalls, orderAmount, placedOrderIds, randomTick, sendDexCalls } from "./calls.js"
import { findOrCreateDexMarket } from "./market.js"

/**
 * A flip order on the wallet's own market: a bid at a negative tick that, once filled, turns into
 * an ask at the mirrored positive tick (a market maker's round trip). Funded by minting the quote.
 *
 * @example
 * tempo.tasks.find((task) => task.name === "dex_place_flip_order")
 */
export const dexPlaceFlipOrder = defineTask({
  name: "dex_place_flip_order",
  weight: 2,
  description: "Places a flip order (bid that flips to an ask when filled) on the stablecoin DEX.",
  async run(context) {
    const market = await findOrCreateDexMarket(context)
    if (market.isErr()) return market
    const { base, quote } = market.value
    const amount = orderAmount(context.random)
    const tick = randomTick(context.random, "bid")
    const flipTick = -tick
    const calls = flipBidCalls(context, { base, quote, amount, tick, flipTick })
    const done = await sendDexCalls(context, calls, dexGas.order)
    if (done.isErr()) return done
    const [orderId] = placedOrderIds(done.value.receipt, context.address)
    if (orderId === undefined) return taskFailure(context, "no OrderPlaced log in the receipt")
    context.recordAsset({
      kind: "dex_order",
      address: base,
      tokenId: String(orderId),
      transactionHash: done.value.sent.hash,
      metadata: { flipTick },
    })
    return succeeded(
      [market.value.creation, done.value.sent],
      [`flip order ${orderId} bid @${tick} → ask @${flipTick}`],
    )
  },
})
