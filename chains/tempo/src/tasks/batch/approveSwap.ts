import { defineTask, succeeded } from "@testnet/core"
import { tempoAddresses } from "../../contracts/addresses.js"
import { encodeDexSwapExactAmountIn } from "../../contracts/stablecoinDex.js"
import { encodeTip20Approve } from "../../contracts/tip20.js"
import { quoteExactIn } from "../dex/book.js"
import { dexGas, sendDexCalls } from "../dex/calls.js"
import { quoteWithLiquidity } from "../dex/liquidity.js"
import { findOrCreateDexMarket } from "../dex/market.js"

/**
 * `approve(DEX, amount)` of the wallet's own pathUSD and `swapExactAmountIn(pathUSD → token)` as
 * the two calls of ONE Tempo transaction. The token is the quote token of the wallet's DEX market,
 * whose pair against pathUSD the task seeds with an ask when it has none.
 *
 * @example
 * tempo.tasks.find((task) => task.name === "batch_approve_swap")
 */
export const batchApproveSwap = defineTask({
  name: "batch_approve_swap",
  weight: 2,
  description: "Approves the DEX and swaps pathUSD in one 0x76 transaction.",
  requires: ["batchCalls"],
  async run(context) {
    const market = await findOrCreateDexMarket(context)
    if (market.isErr()) return market
    const [tokenIn, tokenOut] = [tempoAddresses.pathUsd, market.value.quote]
    const amountIn = context.random.bigint(1_000n, 100_000n) // 0.001–0.1 USD of real funding
    const book = { base: tokenOut, quote: tokenIn, creation: undefined }
    const ready = await quoteWithLiquidity(context, book, tokenOut, () =>
      quoteExactIn(context, tokenIn, tokenOut, amountIn),
    )
    if (ready.isErr()) return ready
    const { quoted, seeded } = ready.value
    const swap = encodeDexSwapExactAmountIn({
      tokenIn,
      tokenOut,
      amountIn,
      minAmountOut: (quoted * 99n) / 100n,
    })
    const calls = [
      { to: tokenIn, input: encodeTip20Approve(tempoAddresses.stablecoinDex, amountIn) },
      { to: tempoAddresses.stablecoinDex, input: swap },
    ]
    const done = await sendDexCalls(context, calls, dexGas.swap)
    if (done.isErr()) return done
    return succeeded(
      [market.value.creation, seeded, done.value.sent],
      [`approved and swapped ${amountIn} pathUSD for ≥${(quoted * 99n) / 100n}`],
    )
  },
})
