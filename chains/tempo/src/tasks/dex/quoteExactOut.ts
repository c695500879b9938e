import {
  type BaseError,
  defineTask,
  Ok,
  type Result,
  succeeded,
  type TaskContext,
  taskFailure,
} from "@testnet/core"
import { tempoAddresses } from "../../contracts/addresses.js"
import { encodeDexSwapExactAmountOut, stablecoinDexInterface } from "../../contracts/stablecoinDex.js"
import { readBalance } from "../shared/reads.js"
import { dexGas, mintForDex, sendDexCalls } from "./calls.js"
import { ensureLiquidity, swapAmount, swapDirection } from "./liquidity.js"
import { findOrCreateDexMarket } from "./market.js"

async function quoteExactOut(
  context: Pick<TaskContext, "call">,
  tokenIn: string,
  tokenOut: string,
  amountOut: bigint,
): Promise<Result<bigint, BaseError>> {
  const returned = await context.call({
    to: tempoAddresses.stablecoinDex,
    data: stablecoinDexInterface.encodeFunctionData("quoteSwapExactAmountOut", [
      tokenIn,
      tokenOut,
      amountOut,
    ]),
  })
  if (returned.isErr()) return returned
  return Ok(
    stablecoinDexInterface.decodeFunctionResult("quoteSwapExactAmountOut", returned.value)[0] as bigint,
  )
}

/**
 * How a wallet app pays an exact amount through the DEX: `quoteSwapExactAmountOut` first, then
 * `swapExactAmountOut` with the quote as the maximum input (zero slippage allowance, so a wrong
 * quote reverts `MaxInputExceeded`), on the wallet's own market (seeded when the side is empty).
 * Checks that exactly `amountOut` arrived.
 *
 * @example
 * tempo.tasks.find((task) => task.name === "dex_quote_exact_out")
 */
export const dexQuoteExactOut = defineTask({
  name: "dex_quote_exact_out",
  weight: 3,
  description: "Quotes an exact-output swap on the stablecoin DEX and swaps with the quote as the limit.",
  async run(context) {
    const market = await findOrCreateDexMarket(context)
    if (market.isErr()) return market
    const { tokenIn, tokenOut } = swapDirection(market.value, context.random.bool())
    const amountOut = swapAmount(context.random)
    const seeded = await ensureLiquidity(context, market.value, tokenIn, tokenOut, (amountOut * 103n) / 100n)
    if (seeded.isErr()) return seeded
    const [quoted, before] = await Promise.all([
      quoteExactOut(context, tokenIn, tokenOut, amountOut),
      readBalance(context, tokenOut, context.address),
    ])
    if (quoted.isErr()) return quoted
    if (before.isErr()) return before
    const swap = encodeDexSwapExactAmountOut({ tokenIn, tokenOut, amountOut, maxAmountIn: quoted.value })
    const calls = [
      ...mintForDex(context, tokenIn, quoted.value),
      { to: tempoAddresses.stablecoinDex, input: swap },
    ]
    const done = await sendDexCalls(context, calls, dexGas.swap)
    if (done.isErr()) return done
    const after = await readBalance(context, tokenOut, context.address)
    if (after.isErr()) return after
    if (after.value - before.value !== amountOut)
      return taskFailure(context, `received ${after.value - before.value}, expected exactly ${amountOut}`)
    return succeeded(
      [market.value.creation, seeded.value, done.value.sent],
      [`quoted ${quoted.value} in for ${amountOut} out, paid the quote`],
    )
  },
})
