import {
  type BaseError,
  Ok,
  type Result,
  type SentTransaction,
  type TaskContext,
  taskFailure,
} from "@testnet/core"
import { id } from "ethers"
import { tempoAddresses } from "../../contracts/addresses.js"
import { encodeDexCancel } from "../../contracts/stablecoinDex.js"
import { askCalls, dexGas, orderAmount, placedOrderIds, randomTick, sendDexCalls } from "./calls.js"

const orderCancelledTopic = id("OrderCancelled(uint128)")

/**
 * What {@link placeAndCancelAsk} did.
 *
 * @example
 * const { orderId, transactions } = roundTrip.value
 */
export type CancelledOrder = {
  readonly orderId: bigint
  readonly amount: bigint
  readonly transactions: readonly SentTransaction[]
}

/**
 * Places an ask of fresh base (mint + approve + place), then cancels it (two transactions: the
 * order id comes from the first receipt) and checks the OrderCancelled log. The escrowed base is
 * credited to the wallet's internal DEX balance.
 *
 * @example
 * const cancelled = await placeAndCancelAsk(context, market.base)
 */
export async function placeAndCancelAsk(
  context: TaskContext,
  base: string,
): Promise<Result<CancelledOrder, BaseError>> {
  const amount = orderAmount(context.random)
  const tick = randomTick(context.random, "ask")
  const placed = await sendDexCalls(context, askCalls(context, base, amount, tick), dexGas.order)
  if (placed.isErr()) return placed
  const [orderId] = placedOrderIds(placed.value.receipt, context.address)
  if (orderId === undefined) return taskFailure(context, "no OrderPlaced log in the receipt")
  const cancel = [{ to: tempoAddresses.stablecoinDex, input: encodeDexCancel(orderId) }]
  const cancelled = await sendDexCalls(context, cancel, dexGas.settle)
  if (cancelled.isErr()) return cancelled
  const logged = cancelled.value.receipt.logs.some(
    (log) => log.topics[0] === orderCancelledTopic && BigInt(log.topics[1] ?? "0x0") === orderId,
  )
  if (!logged) return taskFailure(context, `no OrderCancelled log for order ${orderId}`)
  return Ok({ orderId, amount, transactions: [placed.value.sent, cancelled.value.sent] })
}
