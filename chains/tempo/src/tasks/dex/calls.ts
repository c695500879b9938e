import type { Random, TaskContext, TransactionReceipt } from "@testnet/core"
import { id } from "ethers"
import { tempoAddresses } from "../../contracts/addresses.js"
import {
  dexMinimumOrderAmount,
  encodeDexPlace,
  stablecoinDexInterface,
} from "../../contracts/stablecoinDex.js"
import { encodeTip20Approve, encodeTip20Mint } from "../../contracts/tip20.js"
import type { TempoCall } from "../../transaction/types.js"

/**
 * Gas limits of the DEX batches, measured on `anvil --network tempo --hardfork T4` with headroom
 * (TIP-1000: every fresh slot costs 250k, and an order writes several).
 *
 * @example
 * await sendPathUsdCalls(context, calls, dexGas.order)
 */
export const dexGas = Object.freeze({
  /** 2 × createToken + 2 × grantRole + 2 × createPair (7.9M measured). */
  createMarket: 12_000_000n,
  /** createPair alone (1.3M). */
  createPair: 2_000_000n,
  /** mint + approve + place or placeFlip (2.4–2.6M; a bid and an ask in one batch 5.4M). */
  order: 4_000_000n,
  /** mint + approve + swap filling one order (0.9–1.1M). */
  swap: 2_000_000n,
  /** cancel or withdraw (~0.3M; 0.55M when the wallet never held the token). */
  settle: 900_000n,
})

/**
 * `[mint(wallet, amount), approve(DEX, amount)]` on a token the wallet issues: what the DEX pulls
 * for an order or a swap (it needs an allowance, even for its own precompile).
 *
 * @example
 * const calls = [...mintForDex(context, market.base, amount), { to: tempoAddresses.stablecoinDex, input: placeData }]
 */
export function mintForDex(context: TaskContext, token: string, amount: bigint): TempoCall[] {
  return [
    { to: token, input: encodeTip20Mint(context.address, amount) },
    { to: token, input: encodeTip20Approve(tempoAddresses.stablecoinDex, amount) },
  ]
}

/**
 * A random order size: 100–500 USD (the DEX minimum is 100 USD), in base units.
 *
 * @example
 * const amount = orderAmount(context.random)
 */
export function orderAmount(random: Random): bigint {
  return dexMinimumOrderAmount * random.bigint(1n, 5n)
}

/**
 * A random tick: a multiple of 10 in [10, 2000] for asks and [-2000, -10] for bids, so a
 * wallet's bids and asks never cross.
 *
 * @example
 * const tick = randomTick(context.random, "ask")
 */
export function randomTick(random: Random, side: "bid" | "ask"): number {
  const magnitude = random.int(1, 200) * 10
  return side === "ask" ? magnitude : -magnitude
}

/**
 * Quote units a bid of `amount` base at `tick` escrows (price = (100000 + tick) / 100000), rounded up.
 *
 * @example
 * bidCost(100_000_000n, -10) // 99_990_000n
 */
export function bidCost(amount: bigint, tick: number): bigint {
  return (amount * BigInt(100_000 + tick) + 99_999n) / 100_000n
}

/**
 * The calls that place one ask of fresh `amount` base: mint, approve, place.
 *
 * @example
 * const calls = askCalls(context, market.base, orderAmount(context.random), 50)
 */
export function askCalls(context: TaskContext, base: string, amount: bigint, tick: number): TempoCall[] {
  const place = encodeDexPlace({ token: base, amount, isBid: false, tick })
  return [...mintForDex(context, base, amount), { to: tempoAddresses.stablecoinDex, input: place }]
}

/**
 * The calls that place one flip bid of `amount` base at `tick`, funded by fresh quote, which flips
 * to an ask at `flipTick` once filled: mint, approve, placeFlip.
 *
 * @example
 * const calls = flipBidCalls(context, { base, quote, amount: orderAmount(context.random), tick: -50, flipTick: 50 })
 */
export function flipBidCalls(
  context: TaskContext,
  order: { base: string; quote: string; amount: bigint; tick: number; flipTick: number },
): TempoCall[] {
  const { base, quote, amount, tick, flipTick } = order
  const placeFlip = stablecoinDexInterface.encodeFunctionData("placeFlip", [
    base,
    amount,
    true,
    tick,
    flipTick,
  ])
  return [
    ...mintForDex(context, quote, bidCost(amount, tick)),
    { to: tempoAddresses.stablecoinDex, input: placeFlip },
  ]
}

// `OrderPlaced(uint128 indexed orderId, address indexed maker, address indexed token, …)`: the
// current tempo event and the older one without the flip fields.
const orderPlacedTopics = new Set([
  id("OrderPlaced(uint128,address,address,uint128,bool,int16,bool,int16)"),
  id("OrderPlaced(uint128,address,address,uint128,bool,int16)"),
  id("FlipOrderPlaced(uint128,address,address,uint128,bool,int16,int16)"),
])

/**
 * The ids of the orders `maker` placed in `receipt` (from the DEX's OrderPlaced logs).
 *
 * @example
 * const [orderId] = placedOrderIds(done.value.receipt, context.address)
 */
export function placedOrderIds(receipt: TransactionReceipt, maker: string): bigint[] {
  const makerTopic = `0x${maker.slice(2).toLowerCase().padStart(64, "0")}`
  return receipt.logs
    .filter(
      (log) =>
        log.address.toLowerCase() === tempoAddresses.stablecoinDex.toLowerCase() &&
        orderPlacedTopics.has(log.topics[0] ?? "") &&
        log.topics[2]?.toLowerCase() === makerTopic,
    )
    .map((log) => BigInt(log.topics[1] ?? "0x0"))
}
