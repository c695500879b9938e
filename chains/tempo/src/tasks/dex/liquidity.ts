import { type BaseError, Ok, type Result, type SentTransaction, type TaskContext } from "@testnet/core"
import { tempoAddresses } from "../../contracts/addresses.js"
import { encodeDexPlace } from "../../contracts/stablecoinDex.js"
import { askCalls, bidCost, dexGas, mintForDex, orderAmount, randomTick, sendDexCalls } from "./calls.js"
import type { DexMarket } from "./market.js"

/**
 * Which way a swap goes on a market: buying base with quote (fills asks) or selling base for
 * quote (fills bids).
 *
 * @example
 * const { tokenIn, tokenOut } = swapDirection(market.value, context.random.bool())
 */
export function swapDirection(market: DexMarket, buyBase: boolean): { tokenIn: string; tokenOut: string } {
  return buyBase
    ? { tokenIn: market.quote, tokenOut: market.base }
    : { tokenIn: market.base, tokenOut: market.quote }
}

/**
 * The swap's own quote, made sure of: `quote()` (the quote the swap needs for its limit, e.g.
 * `quoteSwapExactAmountIn` of its input) and, when it reverts or is zero (an empty side), a seed
 * order placed on the side the swap takes from (an ask when buying base, a bid when selling it),
 * waited for, and the quote asked again. One read when the book has liquidity: the quote is the
 * probe (a separate probe before the quote asked the node the same question twice). Returns the
 * quote and the seeding transaction, if one was needed.
 *
 * @example
 * const ready = await quoteWithLiquidity(context, market, tokenOut, () => quoteExactIn(context, tokenIn, tokenOut, amountIn))
 * if (ready.isErr()) return ready
 */
export async function quoteWithLiquidity(
  context: TaskContext,
  market: DexMarket,
  tokenOut: string,
  quote: () => Promise<Result<bigint, BaseError>>,
): Promise<Result<{ readonly quoted: bigint; readonly seeded: SentTransaction | undefined }, BaseError>> {
  // A market this task just created has an empty book: seed without asking.
  if (market.creation === undefined) {
    const first = await quote()
    if (first.isOk() && first.value > 0n) return Ok({ quoted: first.value, seeded: undefined })
  }
  const amount = orderAmount(context.random)
  const buyingBase = tokenOut === market.base
  const tick = randomTick(context.random, buyingBase ? "ask" : "bid")
  const calls = buyingBase
    ? askCalls(context, market.base, amount, tick)
    : [
        ...mintForDex(context, market.quote, bidCost(amount, tick)),
        {
          to: tempoAddresses.stablecoinDex,
          input: encodeDexPlace({ token: market.base, amount, isBid: true, tick }),
        },
      ]
  const done = await sendDexCalls(context, calls, dexGas.order)
  if (done.isErr()) return done
  const again = await quote()
  if (again.isErr()) return again
  return Ok({ quoted: again.value, seeded: done.value.sent })
}

/**
 * A random swap size, 1–20 USD (well below a seed order of at least 100 USD).
 *
 * @example
 * const amountIn = swapAmount(context.random)
 */
export function swapAmount(random: { bigint(min: bigint, max: bigint): bigint }): bigint {
  return random.bigint(1_000_000n, 20_000_000n)
}
