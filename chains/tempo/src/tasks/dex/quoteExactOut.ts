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
import { confirmAll, sentOf } from "../shared/pendingSend.js"
import { sendPathUsdCallsPending } from "../shared/sendPathUsdCalls.js"
import { hasTip20Transfer } from "../shared/transferLogs.js"
import { dexGas, mintForDex } from "./calls.js"
import { swapAmount, swapDirection, swapLiquidity } from "./liquidity.js"
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
 * quote reverts `MaxInputExceeded`), on the wallet's own market. When the side is empty (or the
 * market is new) a seed order goes out first (right behind the market's creation) and the quote is
 * asked once it is mined: the quote is the point, so it is read from the book, never computed.
 * Checks that exactly `amountOut` arrived (the DEX's transfer in the receipt).
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
    const quote = () => quoteExactOut(context, tokenIn, tokenOut, amountOut)
    const ready = await swapLiquidity(context, market.value, {
      fresh: market.value.creation !== undefined,
      tokenOut,
      quote,
    })
    if (ready.isErr()) return ready
    let quoted: bigint
    if (ready.value.kind === "quoted") quoted = ready.value.quoted
    else {
      const seeded = await confirmAll([market.value.creation, ready.value.seed] as const)
      if (seeded.isErr()) return seeded
      const again = await quote()
      if (again.isErr()) return again
      quoted = again.value
    }
    const swap = encodeDexSwapExactAmountOut({ tokenIn, tokenOut, amountOut, maxAmountIn: quoted })
    const calls = [...mintForDex(context, tokenIn, quoted), { to: tempoAddresses.stablecoinDex, input: swap }]
    const swapped = sendPathUsdCallsPending(context, calls, dexGas.swap)
    const steps = [market.value.creation, ready.value.seed, swapped] as const
    const mined = await confirmAll(steps)
    if (mined.isErr()) return mined
    // The DEX pays the output with a TIP-20 transfer to the swapper: the receipt shows it.
    const paidOut = {
      token: tokenOut,
      from: tempoAddresses.stablecoinDex,
      to: context.address,
      amount: amountOut,
    }
    if (!hasTip20Transfer(mined.value[2].receipt.logs, paidOut))
      return taskFailure(context, `no transfer of exactly ${amountOut} out of the DEX in the receipt`)
    return succeeded(sentOf(mined.value), [`quoted ${quoted} in for ${amountOut} out, paid the quote`])
  },
})
