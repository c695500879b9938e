// The "fees" category: fee-token preference, explicit fee tokens, sponsored fees.
import type { AnyTaskDefinition } from "@testnet/core"
import { payFeeInToken } from "./payFeeInToken.js"
import { setUserFeeToken } from "./setUserFeeToken.js"
import { sponsoredTransaction } from "./sponsoredTransaction.js"

export { payFeeInToken, setUserFeeToken, sponsoredTransaction }

/**
 * The fee tasks, in catalog order.
 *
 * @example
 * feesTasks.map((task) => task.name)
 */
export const feesTasks: readonly AnyTaskDefinition[] = [setUserFeeToken, payFeeInToken, sponsoredTransaction]
