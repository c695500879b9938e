import { defineTask, succeeded, taskFailure } from "@testnet/core"
import { tempoAddresses } from "../../contracts/addresses.js"
import { encodeDexPlace } from "../../contracts/stablecoinDex.js"
import { confirmAll, sentOf } from "../shared/pendingSend.js"
import { sendPathUsdCallsPending } from "../shared/sendPathUsdCalls.js"
import { askCalls, bidCost, dexGas, mintForDex, orderAmount, placedOrderIds, randomTick } from "./calls.js"
import { findOrCreateDexMarket } from "./market.js"

/**
 * One bid and one ask on the wallet's own market (random sizes ≥ 100 USD, random non-crossing
 * ticks), funded by minting, in one Tempo transaction (right behind the market's creation when
 * this task creates it); records both orders (asset kind "dex_order").
 *
 * @example
 * tempo.tasks.find((task) => task.name === "dex_place_orders")
 */
export const dexPlaceOrders = defineTask({
  name: "dex_place_orders",
  weight: 3,
  description: "Places a bid and an ask on the stablecoin DEX in one batch.",
  async run(context) {
    const market = await findOrCreateDexMarket(context)
    if (market.isErr()) return market
    const { base, quote } = market.value
    const [bidAmount, askAmount] = [orderAmount(context.random), orderAmount(context.random)]
    const [bidTick, askTick] = [randomTick(context.random, "bid"), randomTick(context.random, "ask")]
    const bid = encodeDexPlace({ token: base, amount: bidAmount, isBid: true, tick: bidTick })
    const calls = [
      ...mintForDex(context, quote, bidCost(bidAmount, bidTick)),
      { to: tempoAddresses.stablecoinDex, input: bid },
      ...askCalls(context, base, askAmount, askTick),
    ]
    const placed = sendPathUsdCallsPending(context, calls, dexGas.order * 2n)
    const steps = [market.value.creation, placed] as const
    const mined = await confirmAll(steps)
    if (mined.isErr()) return mined
    const ids = placedOrderIds(mined.value[1].receipt, context.address)
    if (ids.length !== 2) return taskFailure(context, `expected 2 OrderPlaced logs, got ${ids.length}`)
    for (const orderId of ids)
      context.recordAsset({
        kind: "dex_order",
        address: base,
        tokenId: String(orderId),
        transactionHash: mined.value[1].sent.hash,
      })
    return succeeded(sentOf(mined.value), [`bid ${ids[0]} @${bidTick}, ask ${ids[1]} @${askTick}`])
  },
})
