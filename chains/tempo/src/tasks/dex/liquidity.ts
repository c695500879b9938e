import { type BaseError, Ok, type Result, type SentTransaction, type TaskContext } from "@testnet/core"
import { tempoAddresses } from "../../contracts/addresses.js"
import { encodeDexPlace } from "../../contracts/stablecoinDex.js"
import { quoteExactIn } from "./book.js"
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
 * Makes sure the book can turn `probeIn` of `tokenIn` into `tokenOut`: when the quote reverts
 * (an empty side), places a seed order on the side the swap takes from (an ask when buying base,
 * a bid when selling it) and waits for it. Returns the seeding transaction, if one was needed.
 *
 * @example
 * const seeded = await ensureLiquidity(context, market, tokenIn, tokenOut, amountIn)
 * if (seeded.isErr()) return seeded
 */
export async function ensureLiquidity(
  context: TaskContext,
  market: DexMarket,
  tokenIn: string,
  tokenOut: string,
  probeIn: bigint,
): Promise<Result<SentTransaction | undefined, BaseError>> {
  const quoted = await quoteExactIn(context, tokenIn, tokenOut, probeIn)
  if (quoted.isOk() && quoted.value > 0n) return Ok(undefined)
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
  return Ok(done.value.sent)
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
