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
import {
  encodeDexCancel,
  encodeDexCreatePair,
  encodeDexPlace,
  stablecoinDexInterface,
} from "../../contracts/stablecoinDex.js"
import { predictTip20Address } from "../../contracts/tip20Factory.js"
import { tip403BuiltinPolicy } from "../../contracts/tip403Registry.js"
import type { TempoCall } from "../../transaction/types.js"
import { sendCreatePolicy } from "../policies/calls.js"
import { simulateRevert } from "../policies/simulate.js"
import { attachPolicyCall } from "../policies/tokenPolicy.js"
import { createTokenWithIssuerCalls } from "../shared/createTokenCalls.js"
import { isTip20Token } from "../shared/ownedToken.js"
import { confirmAll, type PendingTransaction, sentOf } from "../shared/pendingSend.js"
import { rememberTrue } from "../shared/runFacts.js"
import { sendPathUsdCalls, sendPathUsdCallsPending } from "../shared/sendPathUsdCalls.js"
import { dexGas, mintForDex, orderAmount, placedOrderIds, randomTick } from "./calls.js"

const dex = tempoAddresses.stablecoinDex
/** Asset kind of the token (with its pair against pathUSD) a wallet keeps for stale orders. */
export const staleMarketAssetKind = "dex_stale_market"
const orderNotStaleSelector = stablecoinDexInterface.getError("OrderNotStale")?.selector
const orderCancelledTopic = stablecoinDexInterface.getEvent("OrderCancelled")?.topicHash

async function findOrCreateStaleMarket(
  context: TaskContext,
): Promise<Result<{ token: string; creation: PendingTransaction | undefined }, BaseError>> {
  const assets = await context.database.assetsByKind({
    kind: staleMarketAssetKind,
    wallet: context.address,
    limit: 500,
  })
  if (assets.isErr()) return assets
  const mine = assets.value.filter((asset) => asset.wallet.toLowerCase() === context.address.toLowerCase())
  for (const asset of mine) {
    const exists = await isTip20Token(context, asset.address)
    if (exists.isErr()) return exists
    if (exists.value) return Ok({ token: asset.address, creation: undefined })
  }
  const salt = context.random.hex(32)
  // Computed locally (no getTokenAddress read); a wrong address would revert the batch.
  const token = predictTip20Address(context.address, salt)
  const symbol = `S${context.random.hex(2).slice(2).toUpperCase()}`
  const calls: TempoCall[] = [
    ...createTokenWithIssuerCalls(context, { token, salt, name: `Stale ${symbol}`, symbol }),
    { to: dex, input: encodeDexCreatePair(token) },
  ]
  const creation = sendPathUsdCallsPending(context, calls, dexGas.createMarket, (receipt) => {
    // createPair accepts only TIP-20s: the mined batch proves the token is one.
    rememberTrue(context, `isTIP20:${token}`)
    context.recordAsset({ kind: staleMarketAssetKind, address: token, transactionHash: receipt.hash })
    return Ok(undefined)
  })
  return Ok({ token, creation: creation })
}

/**
 * Cleans up an order whose maker the token's TIP-403 policy no longer allows: places an ask on a
 * pair of its own (a token kept for this task; its policy reset to allow-all in the same batch, as
 * the previous run of the task left its blacklist attached — a token created here starts at
 * allow-all) and, right behind it, creates a blacklist of the maker; checks that
 * `cancelStaleOrder` refuses the order while the maker is allowed (`OrderNotStale`), then attaches
 * the blacklist to the token and cancels the now stale order in the same batch. Two blocks: the
 * last batch names the order's and the policy's ids, which only their receipts give. Checks
 * OrderCancelled. Anyone may call `cancelStaleOrder`; here the maker does, having no second funded
 * account.
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
    const { token, creation } = market.value
    const amount = orderAmount(context.random)
    const place = encodeDexPlace({ token, amount, isBid: false, tick: randomTick(context.random, "ask") })
    const calls: TempoCall[] = [
      ...(creation === undefined ? [attachPolicyCall(token, tip403BuiltinPolicy.allowAll)] : []),
      ...mintForDex(context, token, amount),
      { to: dex, input: place },
    ]
    const placed = sendPathUsdCallsPending(context, calls, dexGas.order + dexGas.settle)
    const blacklist = await sendCreatePolicy(context, "blacklist", [context.address])
    if (blacklist.isErr()) return blacklist
    const mined = await confirmAll([creation, placed, blacklist.value.pending] as const)
    if (mined.isErr()) return mined
    const [orderId] = placedOrderIds(mined.value[1].receipt, context.address)
    if (orderId === undefined) return taskFailure(context, "no OrderPlaced log in the receipt")
    const policyId = await blacklist.value.policyId()
    if (policyId.isErr()) return policyId
    const cancelStale = stablecoinDexInterface.encodeFunctionData("cancelStaleOrder", [orderId])
    const early = await simulateRevert(context, dex, cancelStale)
    if (early.isErr()) return early
    if (early.value !== orderNotStaleSelector) {
      await sendPathUsdCalls(context, [{ to: dex, input: encodeDexCancel(orderId) }], dexGas.settle)
      return taskFailure(
        context,
        `cancelStaleOrder of a live order gives ${early.value ?? "success"}, not OrderNotStale`,
      )
    }
    const cancelled = await sendPathUsdCalls(
      context,
      [attachPolicyCall(token, policyId.value), { to: dex, input: cancelStale }],
      dexGas.settle * 2n,
    )
    if (cancelled.isErr()) return cancelled
    const logged = cancelled.value.receipt.logs.some(
      (log) => log.topics[0] === orderCancelledTopic && BigInt(log.topics[1] ?? "0x0") === orderId,
    )
    if (!logged) return taskFailure(context, `no OrderCancelled log for stale order ${orderId}`)
    return succeeded(
      [...sentOf(mined.value), cancelled.value.sent],
      [`stale order ${orderId} cancelled after blacklisting its maker`],
    )
  },
})
