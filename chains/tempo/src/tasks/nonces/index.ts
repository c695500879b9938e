// The "nonces" category: Tempo 2D nonces (parallel keys) and expiring nonces.
import type { AnyTaskDefinition } from "@testnet/core"
import { expiringNonce } from "./expiringNonce.js"
import { createTempoKeyedNonceFetcher } from "./keyedNonce.js"
import { type KeyedRequestParameters, keyedTempoRequest } from "./keyedRequest.js"
import { parallelNonceKeys } from "./parallelKeys.js"

export {
  createTempoKeyedNonceFetcher,
  expiringNonce,
  type KeyedRequestParameters,
  keyedTempoRequest,
  parallelNonceKeys,
}

/**
 * The nonce tasks, in catalog order. Both send on keyed lanes: the runner must be given
 * `createTempoKeyedNonceFetcher` (runLoad's `fetchKeyedNonce`).
 *
 * @example
 * noncesTasks.map((task) => task.name)
 */
export const noncesTasks: readonly AnyTaskDefinition[] = [parallelNonceKeys, expiringNonce]
