// The "feeAmm" category: FeeAMM liquidity (mint, burn) and rebalancing swaps on the fee pools.
import type { AnyTaskDefinition } from "@testnet/core"
import { feeAmmBurn } from "./burnLiquidity.js"
import { feeAmmMint } from "./mintLiquidity.js"
import { feeAmmRebalanceSwap } from "./rebalanceSwap.js"

export { feeAmmBurn, feeAmmMint, feeAmmRebalanceSwap }

/**
 * The FeeAMM tasks, in catalog order.
 *
 * @example
 * feeAmmTasks.map((task) => task.name)
 */
export const feeAmmTasks: readonly AnyTaskDefinition[] = [feeAmmMint, feeAmmBurn, feeAmmRebalanceSwap]
