import { type BaseError, Ok, type Result, type TaskContext } from "@testnet/core"
import { tempoAddresses } from "../../contracts/addresses.js"
import { encodeDexPlace } from "../../contracts/stablecoinDex.js"
import type { PendingTransaction } from "../shared/pendingSend.js"
import { sendPathUsdCallsPending } from "../shared/sendPathUsdCalls.js"
import { askCalls, bidCost, dexGas, mintForDex, orderAmount, randomTick } from "./calls.js"
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
 * What a swap can count on: the book's own quote (it has liquidity on the side the swap takes
 * from), or a seed order sent just now, not waited for, that the swap goes out right behind.
 *
 * @example
 * const limit = ready.value.kind === "quoted" ? ready.value.quoted : seededOutput(amountIn, ready.value)
 */
export type SwapLiquidity =
  | { readonly kind: "quoted"; readonly quoted: bigint; readonly seed: undefined }
  | {
      readonly kind: "seeded"
      readonly seed: PendingTransaction
      /** The seed order's tick (an ask when the swap buys base, a bid when it sells it). */
      readonly tick: number
      readonly buyingBase: boolean
    }

/**
 * The swap's liquidity, made sure of: on a book that existed before this task, `quote()` (the quote
 * the swap needs for its limit, e.g. `quoteSwapExactAmountIn` of its input), one read; when it
 * reverts or is zero (an empty side), or when `fresh` (a market this task created: its book is
 * empty, nothing to ask), a seed order of at least 100 USD on the side the swap takes from (an ask
 * when buying base, a bid when selling it), sent without waiting: the swap goes right behind it.
 *
 * @example
 * const ready = await swapLiquidity(context, market, { fresh: market.creation !== undefined, tokenOut, quote: () => quoteExactIn(context, tokenIn, tokenOut, amountIn) })
 * if (ready.isErr()) return ready
 */
export async function swapLiquidity(
  context: TaskContext,
  book: { readonly base: string; readonly quote: string },
  options: {
    readonly fresh: boolean
    readonly tokenOut: string
    readonly quote: () => Promise<Result<bigint, BaseError>>
  },
): Promise<Result<SwapLiquidity, BaseError>> {
  if (!options.fresh) {
    const first = await options.quote()
    if (first.isOk() && first.value > 0n) return Ok({ kind: "quoted", quoted: first.value, seed: undefined })
  }
  const amount = orderAmount(context.random)
  const buyingBase = options.tokenOut === book.base
  const tick = randomTick(context.random, buyingBase ? "ask" : "bid")
  const calls = buyingBase
    ? askCalls(context, book.base, amount, tick)
    : [
        ...mintForDex(context, book.quote, bidCost(amount, tick)),
        {
          to: tempoAddresses.stablecoinDex,
          input: encodeDexPlace({ token: book.base, amount, isBid: true, tick }),
        },
      ]
  const seed = sendPathUsdCallsPending(context, calls, dexGas.order)
  return Ok({ kind: "seeded", seed: seed, tick, buyingBase })
}

/**
 * A lower bound of what `amountIn` buys behind a seed order (≥ 100 USD, more than any swap of the
 * catalog takes): the DEX fills the best price first and moves to the next tick only when a level
 * is used up (`quote_exact_in` and the swap in tempo's `stablecoin_dex/mod.rs`), so every unit the
 * swap gets is priced at the seed's tick or better. The price of tick t is (100000 + t) / 100000
 * quote per base; each level rounds its output down, hence the two units off.
 *
 * @example
 * seededOutput(1_000_000n, { tick: 20, buyingBase: true }) // 999_798n: 1 USD of quote buys base at 1.0002
 */
export function seededOutput(
  amountIn: bigint,
  seed: { readonly tick: number; readonly buyingBase: boolean },
): bigint {
  const price = BigInt(100_000 + seed.tick)
  const output = seed.buyingBase ? (amountIn * 100_000n) / price : (amountIn * price) / 100_000n
  return output > 2n ? output - 2n : 0n
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
