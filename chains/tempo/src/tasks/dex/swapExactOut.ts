import { defineTask, succeeded } from "@testnet/core"
import { tempoAddresses } from "../../contracts/addresses.js"
import { encodeDexSwapExactAmountOut } from "../../contracts/stablecoinDex.js"
import { confirmAll, sentOf } from "../shared/pendingSend.js"
import { sendPathUsdCallsPending } from "../shared/sendPathUsdCalls.js"
import { quoteExactIn } from "./book.js"
import { dexGas, mintForDex } from "./calls.js"
import { swapAmount, swapDirection, swapLiquidity } from "./liquidity.js"
import { findOrCreateDexMarket } from "./market.js"

/**
 * `swapExactAmountOut` on the wallet's own market, in a random direction, allowing 3% above par
 * (ticks stay within ±2%); when the side it takes from is empty (or the market is new) it seeds
 * that side and swaps right behind the seed.
 *
 * @example
 * tempo.tasks.find((task) => task.name === "dex_swap_exact_out")
 */
export const dexSwapExactOut = defineTask({
  name: "dex_swap_exact_out",
  weight: 2,
  description: "Swaps for an exact output amount on the stablecoin DEX (seeds the book when empty).",
  async run(context) {
    const market = await findOrCreateDexMarket(context)
    if (market.isErr()) return market
    const { tokenIn, tokenOut } = swapDirection(market.value, context.random.bool())
    const amountOut = swapAmount(context.random)
    const maxAmountIn = (amountOut * 103n) / 100n
    // The quote only shows the side has liquidity; the limit is the fixed 3% above par.
    const ready = await swapLiquidity(context, market.value, {
      fresh: market.value.creation !== undefined,
      tokenOut,
      quote: () => quoteExactIn(context, tokenIn, tokenOut, maxAmountIn),
    })
    if (ready.isErr()) return ready
    const swap = encodeDexSwapExactAmountOut({ tokenIn, tokenOut, amountOut, maxAmountIn })
    const calls = [
      ...mintForDex(context, tokenIn, maxAmountIn),
      { to: tempoAddresses.stablecoinDex, input: swap },
    ]
    const swapped = sendPathUsdCallsPending(context, calls, dexGas.swap)
    const steps = [market.value.creation, ready.value.seed, swapped] as const
    const mined = await confirmAll(steps)
    if (mined.isErr()) return mined
    return succeeded(sentOf(mined.value), [`swapped ≤${maxAmountIn} in for exactly ${amountOut} out`])
  },
})
