import { defineTask, succeeded } from "@testnet/core"
import { tempoAddresses } from "../../contracts/addresses.js"
import { encodeDexSwapExactAmountIn } from "../../contracts/stablecoinDex.js"
import { confirmAll, sentOf } from "../shared/pendingSend.js"
import { sendPathUsdCallsPending } from "../shared/sendPathUsdCalls.js"
import { quoteExactIn } from "./book.js"
import { dexGas, mintForDex } from "./calls.js"
import { seededOutput, swapAmount, swapDirection, swapLiquidity } from "./liquidity.js"
import { findOrCreateDexMarket } from "./market.js"

/**
 * `swapExactAmountIn` on the wallet's own market, in a random direction, with `minAmountOut` 1%
 * below the quote; when the side it takes from is empty (or the market is new) it seeds that side
 * and swaps right behind the seed, its limit 1% below what the seed's price guarantees.
 *
 * @example
 * tempo.tasks.find((task) => task.name === "dex_swap_exact_in")
 */
export const dexSwapExactIn = defineTask({
  name: "dex_swap_exact_in",
  weight: 4,
  description: "Swaps an exact input amount on the stablecoin DEX (seeds the book when empty).",
  async run(context) {
    const market = await findOrCreateDexMarket(context)
    if (market.isErr()) return market
    const { tokenIn, tokenOut } = swapDirection(market.value, context.random.bool())
    const amountIn = swapAmount(context.random)
    const ready = await swapLiquidity(context, market.value, {
      fresh: market.value.creation !== undefined,
      tokenOut,
      quote: () => quoteExactIn(context, tokenIn, tokenOut, amountIn),
    })
    if (ready.isErr()) return ready
    const expected = ready.value.kind === "quoted" ? ready.value.quoted : seededOutput(amountIn, ready.value)
    const minAmountOut = (expected * 99n) / 100n
    const swap = encodeDexSwapExactAmountIn({ tokenIn, tokenOut, amountIn, minAmountOut })
    const calls = [
      ...mintForDex(context, tokenIn, amountIn),
      { to: tempoAddresses.stablecoinDex, input: swap },
    ]
    const swapped = sendPathUsdCallsPending(context, calls, dexGas.swap)
    const steps = [market.value.creation, ready.value.seed, swapped] as const
    const mined = await confirmAll(steps)
    if (mined.isErr()) return mined
    const basis = ready.value.kind === "quoted" ? "quoted" : "seed order's price gives"
    return succeeded(sentOf(mined.value), [
      `swapped ${amountIn} in for ≥${minAmountOut} out (${basis} ${expected})`,
    ])
  },
})
