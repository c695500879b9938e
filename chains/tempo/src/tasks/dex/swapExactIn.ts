import { defineTask, succeeded } from "@testnet/core"
import { tempoAddresses } from "../../contracts/addresses.js"
import { encodeDexSwapExactAmountIn } from "../../contracts/stablecoinDex.js"
import { quoteExactIn } from "./book.js"
import { dexGas, mintForDex, sendDexCalls } from "./calls.js"
import { quoteWithLiquidity, swapAmount, swapDirection } from "./liquidity.js"
import { findOrCreateDexMarket } from "./market.js"

/**
 * `swapExactAmountIn` on the wallet's own market, in a random direction, with `minAmountOut` 1%
 * below the quote; seeds the side it takes from when that side is empty.
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
    const ready = await quoteWithLiquidity(context, market.value, tokenOut, () =>
      quoteExactIn(context, tokenIn, tokenOut, amountIn),
    )
    if (ready.isErr()) return ready
    const { quoted, seeded } = ready.value
    const minAmountOut = (quoted * 99n) / 100n
    const swap = encodeDexSwapExactAmountIn({ tokenIn, tokenOut, amountIn, minAmountOut })
    const calls = [
      ...mintForDex(context, tokenIn, amountIn),
      { to: tempoAddresses.stablecoinDex, input: swap },
    ]
    const done = await sendDexCalls(context, calls, dexGas.swap)
    if (done.isErr()) return done
    const sent = [market.value.creation, seeded, done.value.sent]
    return succeeded(sent, [`swapped ${amountIn} in for ≥${minAmountOut} out (quoted ${quoted})`])
  },
})
