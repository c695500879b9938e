import {
  type BaseError,
  defineTask,
  Ok,
  type Result,
  readValue,
  type SentTransaction,
  succeeded,
  type TaskContext,
  taskFailure,
} from "@testnet/core"
import { tempoAddresses } from "../../contracts/addresses.js"
import {
  encodeDexCancel,
  encodeDexCreatePair,
  encodeDexPlace,
  stablecoinDexInterface,
} from "../../contracts/stablecoinDex.js"
import { encodeGetTokenAddress, tip20FactoryInterface } from "../../contracts/tip20Factory.js"
import { tip403BuiltinPolicy } from "../../contracts/tip403Registry.js"
import type { TempoCall } from "../../transaction/types.js"
import { createPolicy } from "../policies/calls.js"
import { simulateRevert } from "../policies/simulate.js"
import { attachPolicyCall, readTransferPolicyId } from "../policies/tokenPolicy.js"
import { createTokenWithIssuerCalls } from "../shared/createTokenCalls.js"
import { dexGas, mintForDex, orderAmount, placedOrderIds, randomTick, sendDexCalls } from "./calls.js"

const dex = tempoAddresses.stablecoinDex
/** Asset kind of the token (with its pair against pathUSD) a wallet keeps for stale orders. */
export const staleMarketAssetKind = "dex_stale_market"
const orderNotStaleSelector = stablecoinDexInterface.getError("OrderNotStale")?.selector
const orderCancelledTopic = stablecoinDexInterface.getEvent("OrderCancelled")?.topicHash

async function findOrCreateStaleMarket(
  context: TaskContext,
): Promise<Result<{ token: string; creation: SentTransaction | undefined }, BaseError>> {
  const assets = await context.database.assetsByKind({ kind: staleMarketAssetKind, limit: 500 })
  if (assets.isErr()) return assets
  const mine = assets.value.filter((asset) => asset.wallet.toLowerCase() === context.address.toLowerCase())
  for (const asset of mine) {
    const exists = await readValue<boolean>(
      context,
      tempoAddresses.tip20Factory,
      tip20FactoryInterface.encodeFunctionData("isTIP20", [asset.address]),
      "bool",
    )
    if (exists.isErr()) return exists
    if (exists.value) return Ok({ token: asset.address, creation: undefined })
  }
  const salt = context.random.hex(32)
  const token = await readValue<string>(
    context,
    tempoAddresses.tip20Factory,
    encodeGetTokenAddress(context.address, salt),
    "address",
  )
  if (token.isErr()) return token
  const symbol = `S${context.random.hex(2).slice(2).toUpperCase()}`
  const calls: TempoCall[] = [
    ...createTokenWithIssuerCalls(context, { token: token.value, salt, name: `Stale ${symbol}`, symbol }),
    { to: dex, input: encodeDexCreatePair(token.value) },
  ]
  const done = await sendDexCalls(context, calls, dexGas.createMarket)
  if (done.isErr()) return done
  context.recordAsset({
    kind: staleMarketAssetKind,
    address: token.value,
    transactionHash: done.value.sent.hash,
  })
  return Ok({ token: token.value, creation: done.value.sent })
}

/**
 * Cleans up an order whose maker the token's TIP-403 policy no longer allows: places an ask on a
 * pair of its own (a token kept for this task, its policy reset to allow-all first), checks that
 * `cancelStaleOrder` refuses it while the maker is allowed (`OrderNotStale`), then blacklists the
 * maker on the token and cancels the now stale order in the same batch. Checks OrderCancelled.
 * Anyone may call `cancelStaleOrder`; here the maker does, having no second funded account.
 *
 * @example
 * tempo.tasks.find((task) => task.name === "dex_cancel_stale_order")
 */
export const dexCancelStaleOrder = defineTask({
  name: "dex_cancel_stale_order",
  weight: 1,
  description: "Blacklists an order's maker on the token, then cancels the stale order (cancelStaleOrder).",
  async run(context) {
    const market = await findOrCreateStaleMarket(context)
    if (market.isErr()) return market
    const { token } = market.value
    const policy = await readTransferPolicyId(context, token)
    if (policy.isErr()) return policy
    const amount = orderAmount(context.random)
    const place = encodeDexPlace({ token, amount, isBid: false, tick: randomTick(context.random, "ask") })
    const calls: TempoCall[] = [
      ...(policy.value === tip403BuiltinPolicy.allowAll
        ? []
        : [attachPolicyCall(token, tip403BuiltinPolicy.allowAll)]),
      ...mintForDex(context, token, amount),
      { to: dex, input: place },
    ]
    const placed = await sendDexCalls(context, calls, dexGas.order + dexGas.settle)
    if (placed.isErr()) return placed
    const [orderId] = placedOrderIds(placed.value.receipt, context.address)
    if (orderId === undefined) return taskFailure(context, "no OrderPlaced log in the receipt")
    const cancelStale = stablecoinDexInterface.encodeFunctionData("cancelStaleOrder", [orderId])
    const early = await simulateRevert(context, dex, cancelStale)
    if (early.isErr()) return early
    if (early.value !== orderNotStaleSelector) {
      await sendDexCalls(context, [{ to: dex, input: encodeDexCancel(orderId) }], dexGas.settle)
      return taskFailure(
        context,
        `cancelStaleOrder of a live order gives ${early.value ?? "success"}, not OrderNotStale`,
      )
    }
    const blacklist = await createPolicy(context, "blacklist", [context.address])
    if (blacklist.isErr()) return blacklist
    const cancelled = await sendDexCalls(
      context,
      [attachPolicyCall(token, blacklist.value.policyId), { to: dex, input: cancelStale }],
      dexGas.settle * 2n,
    )
    if (cancelled.isErr()) return cancelled
    const logged = cancelled.value.receipt.logs.some(
      (log) => log.topics[0] === orderCancelledTopic && BigInt(log.topics[1] ?? "0x0") === orderId,
    )
    if (!logged) return taskFailure(context, `no OrderCancelled log for stale order ${orderId}`)
    return succeeded(
      [market.value.creation, placed.value.sent, blacklist.value.sent, cancelled.value.sent],
      [`stale order ${orderId} cancelled after blacklisting its maker`],
    )
  },
})
