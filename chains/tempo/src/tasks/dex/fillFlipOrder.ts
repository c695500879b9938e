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
import { encodeDexSwapExactAmountIn, stablecoinDexInterface } from "../../contracts/stablecoinDex.js"
import { confirmAll, sentOf } from "../shared/pendingSend.js"
import { sendPathUsdCallsPending } from "../shared/sendPathUsdCalls.js"
import { dexGas, flipBidCalls, mintForDex, orderAmount, placedOrderIds } from "./calls.js"
import { findOrCreateDexMarket } from "./market.js"

const dex = tempoAddresses.stablecoinDex
const orderFilledTopic = stablecoinDexInterface.getEvent("OrderFilled")?.topicHash
const orderFlippedTopic = stablecoinDexInterface.getEvent("OrderFlipped")?.topicHash

type Order = { maker: string; isBid: boolean; tick: bigint; remaining: bigint }

async function readOrder(
  context: Pick<TaskContext, "call">,
  orderId: bigint,
): Promise<Result<Order, BaseError>> {
  const returned = await context.call({
    to: dex,
    data: stablecoinDexInterface.encodeFunctionData("getOrder", [orderId]),
  })
  if (returned.isErr()) return returned
  return Ok(stablecoinDexInterface.decodeFunctionResult("getOrder", returned.value)[0] as Order)
}

async function bidLiquidityAt(
  context: TaskContext,
  base: string,
  tick: number,
): Promise<Result<bigint, BaseError>> {
  const returned = await context.call({
    to: dex,
    data: stablecoinDexInterface.encodeFunctionData("getTickLevel", [base, tick, true]),
  })
  if (returned.isErr()) return returned
  return Ok(stablecoinDexInterface.decodeFunctionResult("getTickLevel", returned.value)[2] as bigint)
}

/**
 * A market maker's flip order doing its job: places a flip bid at tick 0 on the wallet's own market
 * (above every plain bid, which the dex tasks place at ticks ≤ -10) that flips to an ask at a
 * random positive tick, and right behind it (next nonce, same block as a rule) sells exactly the
 * base that will rest at tick 0 — what rests there now (read before placing; nothing on a market
 * this task creates) plus the flip bid — so the whole level fills. Only this wallet trades on its
 * market, one task at a time, so the level does not change in between. Checks the OrderFilled log
 * of the flip order and that the flipped order exists: an ask of the wallet at the flip tick (read
 * back with `getOrder`; before TIP-1030 it has a new id, after it keeps the old one).
 *
 * @example
 * tempo.tasks.find((task) => task.name === "dex_fill_flip_order")
 */
export const dexFillFlipOrder = defineTask({
  name: "dex_fill_flip_order",
  weight: 1,
  description: "Places a flip bid, fills it with a swap and checks the flipped ask exists.",
  async run(context) {
    const market = await findOrCreateDexMarket(context)
    if (market.isErr()) return market
    const { base, quote } = market.value
    const amount = orderAmount(context.random)
    const tick = 0
    const flipTick = context.random.int(1, 20) * 10
    const resting = market.value.creation === undefined ? await bidLiquidityAt(context, base, tick) : Ok(0n)
    if (resting.isErr()) return resting
    const placed = sendPathUsdCallsPending(
      context,
      flipBidCalls(context, { base, quote, amount, tick, flipTick }),
      dexGas.order,
    )
    const level = resting.value + amount
    const sell = encodeDexSwapExactAmountIn({
      tokenIn: base,
      tokenOut: quote,
      amountIn: level,
      minAmountOut: 0n,
    })
    const filled = sendPathUsdCallsPending(
      context,
      [...mintForDex(context, base, level), { to: dex, input: sell }],
      dexGas.order,
    )
    const steps = [market.value.creation, placed, filled] as const
    const mined = await confirmAll(steps)
    if (mined.isErr()) return mined
    const [, placedReceipt, filledReceipt] = mined.value
    const [orderId] = placedOrderIds(placedReceipt.receipt, context.address)
    if (orderId === undefined) return taskFailure(context, "no OrderPlaced log for the flip order")
    const logs = filledReceipt.receipt.logs.filter((log) => log.address.toLowerCase() === dex.toLowerCase())
    if (!logs.some((log) => log.topics[0] === orderFilledTopic && BigInt(log.topics[1] ?? "0x0") === orderId))
      return taskFailure(context, `no OrderFilled log for flip order ${orderId}`)
    const candidates = [
      ...new Set([
        orderId,
        ...logs
          .filter((log) => log.topics[0] === orderFlippedTopic)
          .map((log) => BigInt(log.topics[1] ?? "0x0")),
        ...placedOrderIds(filledReceipt.receipt, context.address),
      ]),
    ]
    const orders = await Promise.all(candidates.map((candidate) => readOrder(context, candidate)))
    for (const [index, order] of orders.entries()) {
      if (
        order.isOk() &&
        order.value.maker.toLowerCase() === context.address.toLowerCase() &&
        !order.value.isBid &&
        order.value.tick === BigInt(flipTick)
      )
        return succeeded(sentOf(mined.value), [
          `flip order ${orderId} filled, flipped to ask ${candidates[index]} @${flipTick}`,
        ])
    }
    return taskFailure(context, `flip order ${orderId} filled but no ask at tick ${flipTick} appeared`)
  },
})
