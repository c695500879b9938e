import { FastInterface } from "./fastInterface.js"
import { addressWord, boolWord, intWord, selectorOf, uintWord } from "./staticAbi.js"

/**
 * Stablecoin DEX ABI. Ticks are multiples of 10 in [-2000, 2000] (price = 100000 + tick over
 * 100000); orders are at least 100_000_000 units; `createPair(base)` and `approve(DEX)` first.
 *
 * @example
 * const dex = new Contract(tempoAddresses.stablecoinDex, stablecoinDexAbi, provider)
 */
export const stablecoinDexAbi = [
  "function createPair(address base) returns (bytes32)",
  "function place(address token, uint128 amount, bool isBid, int16 tick) returns (uint128 orderId)",
  "function placeFlip(address token, uint128 amount, bool isBid, int16 tick, int16 flipTick) returns (uint128)",
  "function cancel(uint128 orderId)",
  "function withdraw(address token, uint128 amount)",
  "function swapExactAmountIn(address tokenIn, address tokenOut, uint128 amountIn, uint128 minAmountOut) returns (uint128)",
  "function swapExactAmountOut(address tokenIn, address tokenOut, uint128 amountOut, uint128 maxAmountIn) returns (uint128)",
  "function quoteSwapExactAmountIn(address tokenIn, address tokenOut, uint128 amountIn) view returns (uint128)",
  "function quoteSwapExactAmountOut(address tokenIn, address tokenOut, uint128 amountOut) view returns (uint128)",
  "function cancelStaleOrder(uint128 orderId)",
  "function getOrder(uint128 orderId) view returns (tuple(uint128 orderId, address maker, bytes32 bookKey, bool isBid, int16 tick, uint128 amount, uint128 remaining, uint128 prev, uint128 next, bool isFlip, int16 flipTick))",
  "function getTickLevel(address base, int16 tick, bool isBid) view returns (uint128 head, uint128 tail, uint128 totalLiquidity)",
  "function balanceOf(address user, address token) view returns (uint128)",
  "function nextOrderId() view returns (uint128)",
  "function pairKey(address,address) pure returns (bytes32)",
  "function books(bytes32) view returns (tuple(address base, address quote, int16 bestBidTick, int16 bestAskTick))",
  "event OrderFilled(uint128 indexed orderId, address indexed maker, address indexed taker, uint128 amountFilled, bool partialFill)",
  "event OrderFlipped(uint128 indexed orderId, address indexed maker, address indexed token, uint128 amount, bool isBid, int16 tick, int16 flipTick)",
  "event OrderCancelled(uint128 indexed orderId)",
  "error OrderNotStale()",
  "error OrderDoesNotExist()",
  "error MaxInputExceeded()",
] as const

/**
 * ethers `Interface` for the stablecoin DEX.
 *
 * @example
 * const [orderId] = stablecoinDexInterface.decodeFunctionResult("place", returned)
 */
export const stablecoinDexInterface = new FastInterface(stablecoinDexAbi)

/** Selectors of the encoders below (static arguments: encoded by hand, see staticAbi.ts). */
const selectors = {
  createPair: selectorOf(stablecoinDexInterface, "createPair"),
  place: selectorOf(stablecoinDexInterface, "place"),
  cancel: selectorOf(stablecoinDexInterface, "cancel"),
  withdraw: selectorOf(stablecoinDexInterface, "withdraw"),
  swapExactAmountIn: selectorOf(stablecoinDexInterface, "swapExactAmountIn"),
  swapExactAmountOut: selectorOf(stablecoinDexInterface, "swapExactAmountOut"),
}

/**
 * The smallest order the DEX accepts (100 USD in 6-decimal units).
 *
 * @example
 * const amount = dexMinimumOrderAmount * 2n
 */
export const dexMinimumOrderAmount = 100_000_000n

/**
 * Calldata for `createPair(base)` (quoted against the base token's quote token).
 *
 * @example
 * const input = encodeDexCreatePair(tempoAddresses.alphaUsd)
 */
export function encodeDexCreatePair(base: string): string {
  return `${selectors.createPair}${addressWord(base)}`
}

/**
 * Calldata for `place(token, amount, isBid, tick)`.
 *
 * @example
 * const input = encodeDexPlace({ token: tempoAddresses.alphaUsd, amount: 100_000_000n, isBid: true, tick: -10 })
 */
export function encodeDexPlace(parameters: {
  readonly token: string
  readonly amount: bigint
  readonly isBid: boolean
  readonly tick: number
}): string {
  const { token, amount, isBid, tick } = parameters
  return `${selectors.place}${addressWord(token)}${uintWord(amount, 128)}${boolWord(isBid)}${intWord(tick, 16)}`
}

/**
 * Calldata for `cancel(orderId)`.
 *
 * @example
 * const input = encodeDexCancel(orderId)
 */
export function encodeDexCancel(orderId: bigint): string {
  return `${selectors.cancel}${uintWord(orderId, 128)}`
}

/**
 * Calldata for `withdraw(token, amount)` (moves internal DEX balance back to the wallet).
 *
 * @example
 * const input = encodeDexWithdraw(tempoAddresses.pathUsd, balance)
 */
export function encodeDexWithdraw(token: string, amount: bigint): string {
  return `${selectors.withdraw}${addressWord(token)}${uintWord(amount, 128)}`
}

/**
 * Calldata for `swapExactAmountIn(tokenIn, tokenOut, amountIn, minAmountOut)`.
 *
 * @example
 * const input = encodeDexSwapExactAmountIn({ tokenIn: tempoAddresses.pathUsd, tokenOut: tempoAddresses.alphaUsd, amountIn: 1_000_000n, minAmountOut: 0n })
 */
export function encodeDexSwapExactAmountIn(parameters: {
  readonly tokenIn: string
  readonly tokenOut: string
  readonly amountIn: bigint
  readonly minAmountOut: bigint
}): string {
  const { tokenIn, tokenOut, amountIn, minAmountOut } = parameters
  return `${selectors.swapExactAmountIn}${addressWord(tokenIn)}${addressWord(tokenOut)}${uintWord(amountIn, 128)}${uintWord(minAmountOut, 128)}`
}

/**
 * Calldata for `swapExactAmountOut(tokenIn, tokenOut, amountOut, maxAmountIn)`.
 *
 * @example
 * const input = encodeDexSwapExactAmountOut({ tokenIn: tempoAddresses.pathUsd, tokenOut: tempoAddresses.alphaUsd, amountOut: 1_000_000n, maxAmountIn: 1_100_000n })
 */
export function encodeDexSwapExactAmountOut(parameters: {
  readonly tokenIn: string
  readonly tokenOut: string
  readonly amountOut: bigint
  readonly maxAmountIn: bigint
}): string {
  const { tokenIn, tokenOut, amountOut, maxAmountIn } = parameters
  return `${selectors.swapExactAmountOut}${addressWord(tokenIn)}${addressWord(tokenOut)}${uintWord(amountOut, 128)}${uintWord(maxAmountIn, 128)}`
}
