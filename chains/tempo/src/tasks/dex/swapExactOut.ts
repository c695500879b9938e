import { defineTask, succeeded } from "@testnet/core"
import { tempoAddresses } from "../../contracts/addresses.js"
import { encodeDexSwapExactAmountOut } from "../../contracts/stablecoinDex.js"
import { quoteExactIn } from "./book.js"
import { dexGas, mintForDex, sendDexCalls } from "./calls.js"
import { quoteWithLiquidity, swapAmount, swapDirection } from "./liquidity.js"
import { findOrCreateDexMarket } from "./market.js"

/**
 * `swapExactAmountOut` on the wallet's own market, in a random direction, allowing 3% above par
 * (ticks stay within ±2%); seeds the side it takes from when that side is empty.
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
    const ready = await quoteWithLiquidity(context, market.value, tokenOut, () =>
      quoteExactIn(context, tokenIn, tokenOut, maxAmountIn),
    )
    if (ready.isErr()) return ready
    const swap = encodeDexSwapExactAmountOut({ tokenIn, tokenOut, amountOut, maxAmountIn })
    const calls = [
      ...mintForDex(context, tokenIn, maxAmountIn),
      { to: tempoAddresses.stablecoinDex, input: swap },
    ]
    const done = await sendDexCalls(context, calls, dexGas.swap)
    if (done.isErr()) return done
    const sent = [market.value.creation, ready.value.seeded, done.value.sent]
    return succeeded(sent, [`swapped ≤${maxAmountIn} in for exactly ${amountOut} out`])
  },
})
