import { defineTask, succeeded, taskFailure } from "@testnet/core"
import { confirmAll, sentOf } from "../shared/pendingSend.js"
import { sendPathUsdCallsPending } from "../shared/sendPathUsdCalls.js"
import { dexGas, flipBidCalls, orderAmount, placedOrderIds, randomTick } from "./calls.js"
import { findOrCreateDexMarket } from "./market.js"

/**
 * A flip order on the wallet's own market: a bid at a negative tick that, once filled, turns into
 * an ask at the mirrored positive tick (a market maker's round trip). Funded by minting the quote;
 * sent right behind the market's creation when this task creates it.
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
    const placed = sendPathUsdCallsPending(context, calls, dexGas.order)
    const steps = [market.value.creation, placed] as const
    const mined = await confirmAll(steps)
    if (mined.isErr()) return mined
    const [orderId] = placedOrderIds(mined.value[1].receipt, context.address)
    if (orderId === undefined) return taskFailure(context, "no OrderPlaced log in the receipt")
    context.recordAsset({
      kind: "dex_order",
      address: base,
      tokenId: String(orderId),
      transactionHash: mined.value[1].sent.hash,
      metadata: { flipTick },
    })
    return succeeded(sentOf(mined.value), [`flip order ${orderId} bid @${tick} → ask @${flipTick}`])
  },
})
