import { defineTask, succeeded } from "@testnet/core"
import { tempoAddresses } from "../../contracts/addresses.js"
import { encodeDexSwapExactAmountIn } from "../../contracts/stablecoinDex.js"
import { encodeTip20Approve } from "../../contracts/tip20.js"
import { quoteExactIn } from "../dex/book.js"
import { dexGas } from "../dex/calls.js"
import { seededOutput, swapLiquidity } from "../dex/liquidity.js"
import { findOrCreateDexMarket } from "../dex/market.js"
import { confirmAll, sentOf } from "../shared/pendingSend.js"
import { sendPathUsdCallsPending } from "../shared/sendPathUsdCalls.js"

/**
 * `approve(DEX, amount)` of the wallet's own pathUSD and `swapExactAmountIn(pathUSD → token)` as
 * the two calls of ONE Tempo transaction. The token is the quote token of the wallet's DEX market,
 * whose pair against pathUSD the task seeds with an ask when it has none (the swap then goes right
 * behind the seed, and the seed right behind the market's creation when this task creates it).
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
    // The pair of the market's quote token against pathUSD; empty when this task created the market.
    const book = { base: tokenOut, quote: tokenIn }
    const ready = await swapLiquidity(context, book, {
      fresh: market.value.creation !== undefined,
      tokenOut,
      quote: () => quoteExactIn(context, tokenIn, tokenOut, amountIn),
    })
    if (ready.isErr()) return ready
    const expected = ready.value.kind === "quoted" ? ready.value.quoted : seededOutput(amountIn, ready.value)
    const minAmountOut = (expected * 99n) / 100n
    const swap = encodeDexSwapExactAmountIn({ tokenIn, tokenOut, amountIn, minAmountOut })
    const calls = [
      { to: tokenIn, input: encodeTip20Approve(tempoAddresses.stablecoinDex, amountIn) },
      { to: tempoAddresses.stablecoinDex, input: swap },
    ]
    const swapped = sendPathUsdCallsPending(context, calls, dexGas.swap)
    const steps = [market.value.creation, ready.value.seed, swapped] as const
    const mined = await confirmAll(steps)
    if (mined.isErr()) return mined
    return succeeded(sentOf(mined.value), [`approved and swapped ${amountIn} pathUSD for ≥${minAmountOut}`])
  },
})
