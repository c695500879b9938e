// The "policies" category: TIP-403 transfer policies attached to tokens and enforced on transfers.
import type { AnyTaskDefinition } from "@testnet/core"
import { tip403AttachPolicy } from "./attachPolicy.js"
import { tip403BlacklistPolicy } from "./blacklistPolicy.js"
import { tip403CompoundPolicy } from "./compoundPolicy.js"
import { tip403TransferAllowed } from "./transferAllowed.js"
import { tip403TransferRefused } from "./transferRefused.js"

export {
  tip403AttachPolicy,
  tip403BlacklistPolicy,
  tip403CompoundPolicy,
  tip403TransferAllowed,
  tip403TransferRefused,
}

/**
 * The policy tasks, in catalog order.
 *
 * @example
 * policiesTasks.map((task) => task.name)
 */
export const policiesTasks: readonly AnyTaskDefinition[] = [
  tip403AttachPolicy,
  tip403BlacklistPolicy,
  tip403CompoundPolicy,
  tip403TransferAllowed,
  tip403TransferRefused,
]
