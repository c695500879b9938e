import { type BaseError, Ok, type Result, type TaskContext } from "@testnet/core"
import { ZeroAddress } from "ethers"
import { tempoAddresses } from "../../contracts/addresses.js"
import { stablecoinDexInterface } from "../../contracts/stablecoinDex.js"

/**
 * Whether the DEX has a book for `base` against `quote` (`books(pairKey(base, quote)).base` is set).
 *
 * @example
 * const exists = await pairExists(context, token, tempoAddresses.pathUsd)
 */
export async function pairExists(
  context: Pick<TaskContext, "call">,
  base: string,
  quote: string,
): Promise<Result<boolean, BaseError>> {
  const key = await context.call({
    to: tempoAddresses.stablecoinDex,
    data: stablecoinDexInterface.encodeFunctionData("pairKey", [base, quote]),
  })
  if (key.isErr()) return key
  const [pairKey] = stablecoinDexInterface.decodeFunctionResult("pairKey", key.value)
  const book = await context.call({
    to: tempoAddresses.stablecoinDex,
    data: stablecoinDexInterface.encodeFunctionData("books", [pairKey]),
  })
  if (book.isErr()) return book
  const [decoded] = stablecoinDexInterface.decodeFunctionResult("books", book.value)
  return Ok((decoded as { base: string }).base !== ZeroAddress)
}

/**
 * The wallet's internal DEX balance of `token` (order proceeds and refunds, taken out with `withdraw`).
 *
 * @example
 * const balance = (await dexBalance(context, market.base)).unwrap()
 */
export async function dexBalance(
  context: Pick<TaskContext, "call" | "address">,
  token: string,
): Promise<Result<bigint, BaseError>> {
  const returned = await context.call({
    to: tempoAddresses.stablecoinDex,
    data: stablecoinDexInterface.encodeFunctionData("balanceOf", [context.address, token]),
  })
  if (returned.isErr()) return returned
  return Ok(stablecoinDexInterface.decodeFunctionResult("balanceOf", returned.value)[0] as bigint)
}

/**
 * `quoteSwapExactAmountIn`: what `amountIn` of `tokenIn` buys now; an error (revert) when the
 * book cannot fill it.
 *
 * @example
 * const out = await quoteExactIn(context, market.quote, market.base, 1_000_000n)
 */
export async function quoteExactIn(
  context: Pick<TaskContext, "call">,
  tokenIn: string,
  tokenOut: string,
  amountIn: bigint,
): Promise<Result<bigint, BaseError>> {
  const returned = await context.call({
    to: tempoAddresses.stablecoinDex,
    data: stablecoinDexInterface.encodeFunctionData("quoteSwapExactAmountIn", [tokenIn, tokenOut, amountIn]),
  })
  if (returned.isErr()) return returned
  return Ok(
    stablecoinDexInterface.decodeFunctionResult("quoteSwapExactAmountIn", returned.value)[0] as bigint,
  )
}
