// The "dex" category: the stablecoin DEX (pairs, orders, flip orders, swaps, cancel, withdraw).
import type { AnyTaskDefinition } from "@testnet/core"
import { dexCancelOrder } from "./cancelOrder.js"
import { dexCancelStaleOrder } from "./cancelStaleOrder.js"
import { dexCreatePair } from "./createPair.js"
import { dexFillFlipOrder } from "./fillFlipOrder.js"
import { dexPlaceFlipOrder } from "./placeFlipOrder.js"
import { dexPlaceOrders } from "./placeOrders.js"
import { dexQuoteExactOut } from "./quoteExactOut.js"
import { dexSwapExactIn } from "./swapExactIn.js"
import { dexSwapExactOut } from "./swapExactOut.js"
import { dexWithdraw } from "./withdraw.js"

export {
  dexCancelOrder,
  dexCancelStaleOrder,
  dexCreatePair,
  dexFillFlipOrder,
  dexPlaceFlipOrder,
  dexPlaceOrders,
  dexQuoteExactOut,
  dexSwapExactIn,
  dexSwapExactOut,
  dexWithdraw,
}

/**
 * The DEX tasks, in catalog order.
 *
 * @example
 * dexTasks.map((task) => task.name)
 */
export const dexTasks: readonly AnyTaskDefinition[] = [
  dexCreatePair,
  dexPlaceOrders,
  dexPlaceFlipOrder,
  dexSwapExactIn,
  dexSwapExactOut,
  dexCancelOrder,
  dexWithdraw,
  dexFillFlipOrder,
  dexQuoteExactOut,
  dexCancelStaleOrder,
]
