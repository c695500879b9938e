// The "lanes" category: payments that stay in Tempo's payment lane and ones an access list demotes
// to the general lane (TIP-1010, TIP-1045).
import type { AnyTaskDefinition } from "@testnet/core"
import { laneGeneralTransfer } from "./generalLaneTransfer.js"
import { lanePaymentTransfer } from "./paymentLaneTransfer.js"

export { laneGeneralTransfer, lanePaymentTransfer }

/**
 * The lane tasks, in catalog order.
 *
 * @example
 * lanesTasks.map((task) => task.name)
 */
export const lanesTasks: readonly AnyTaskDefinition[] = [lanePaymentTransfer, laneGeneralTransfer]
