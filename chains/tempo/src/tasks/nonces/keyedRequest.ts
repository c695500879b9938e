import type { RawSendRequest, TaskSigner } from "@testnet/core"
import { expiringNonceKey } from "../../transaction/constants.js"
import { signTempoTransaction } from "../../transaction/sign.js"
import type { TempoCall } from "../../transaction/types.js"
import { tempoRawRequest } from "../shared/tempoRawRequest.js"

/**
 * What {@link keyedTempoRequest} sends besides nonce and fees.
 *
 * @example
 * const parameters: KeyedRequestParameters = { calls, gasLimit: 1_200_000n, nonceKey: 7n, feeToken: tempoAddresses.pathUsd }
 */
export type KeyedRequestParameters = {
  readonly calls: readonly TempoCall[]
  readonly gasLimit: bigint
  /** The 2D nonce lane (≠ 0); `expiringNonceKey` for an expiring nonce. */
  readonly nonceKey: bigint
  readonly feeToken?: string
  /** Unix seconds; required by expiring nonces (at most now + 30 s). */
  readonly validBefore?: bigint
  /** The key was drawn for this run and never used: its lane starts at 0 without a read. */
  readonly freshNonceKey?: boolean
}

/**
 * A Tempo transaction (0x76) on a keyed nonce lane: the pipeline reserves the lane's nonce (the
 * runner needs `createTempoKeyedNonceFetcher` for keyed lanes), supplies fees, journals and
 * broadcasts. On the expiring-nonce key the transaction always carries nonce 0 (the chain
 * deduplicates those by hash until `validBefore`), whatever number the lane reserved.
 *
 * @example
 * const sent = await context.send(keyedTempoRequest(context.wallet, { calls, gasLimit, nonceKey: 42n }))
 */
export function keyedTempoRequest(wallet: TaskSigner, parameters: KeyedRequestParameters): RawSendRequest {
  const { nonceKey, validBefore, freshNonceKey } = parameters
  const extraFields = validBefore === undefined ? {} : { validBefore }
  const request = tempoRawRequest({ ...parameters, extraFields }, (fields) =>
    signTempoTransaction({ ...fields, nonce: nonceKey === expiringNonceKey ? 0n : fields.nonce }, (digest) =>
      wallet.signDigest(digest),
    ),
  )
  return freshNonceKey === true ? { ...request, freshNonceKey } : request
}
