import { type BaseError, Ok, type Result, type TaskContext, taskFailure } from "@testnet/core"
import { id } from "ethers"
import { tempoAddresses } from "../../contracts/addresses.js"
import { encodeDexCancel } from "../../contracts/stablecoinDex.js"
import { confirmAll, type PendingTransaction } from "../shared/pendingSend.js"
import { sendPathUsdCallsPending } from "../shared/sendPathUsdCalls.js"
import { askCalls, dexGas, orderAmount, placedOrderIds, randomTick } from "./calls.js"
import type { DexMarket } from "./market.js"

const orderCancelledTopic = id("OrderCancelled(uint128)")

/**
 * What {@link placeAndCancelAsk} did: the placement is mined; the cancel is sent, not waited for
 * (the task may send its next step right behind it, then confirms it).
 *
 * @example
 * const { orderId, place, cancel } = roundTrip.value
 */
export type CancelledOrder = {
  readonly orderId: bigint
  readonly amount: bigint
  readonly place: PendingTransaction
  readonly cancel: PendingTransaction
}

/**
 * Places an ask of fresh base (mint + approve + place; right behind the market's creation when the
 * task just sent it), then cancels it: two blocks, because the order id comes from the placement's
 * receipt (the DEX numbers orders with one global counter, `next_order_id` in tempo's
 * `stablecoin_dex/mod.rs`: other wallets' orders make it unpredictable). The cancel's receipt must
 * hold the OrderCancelled log. The escrowed base is credited to the wallet's internal DEX balance.
 *
 * @example
 * const cancelled = await placeAndCancelAsk(context, market.value)
 */
export async function placeAndCancelAsk(
  context: TaskContext,
  market: DexMarket,
): Promise<Result<CancelledOrder, BaseError>> {
  const amount = orderAmount(context.random)
  const tick = randomTick(context.random, "ask")
  const place = sendPathUsdCallsPending(context, askCalls(context, market.base, amount, tick), dexGas.order)
  const placed = await confirmAll([market.creation, place] as const)
  if (placed.isErr()) return placed
  const [orderId] = placedOrderIds(placed.value[1].receipt, context.address)
  if (orderId === undefined) return taskFailure(context, "no OrderPlaced log in the receipt")
  const cancel = [{ to: tempoAddresses.stablecoinDex, input: encodeDexCancel(orderId) }]
  const cancelled = sendPathUsdCallsPending(context, cancel, dexGas.settle, (receipt) => {
    const logged = receipt.logs.some(
      (log) => log.topics[0] === orderCancelledTopic && BigInt(log.topics[1] ?? "0x0") === orderId,
    )
    return logged ? Ok(undefined) : taskFailure(context, `no OrderCancelled log for order ${orderId}`)
  })
  return Ok({ orderId, amount, place: place, cancel: cancelled })
}
