import type { RawSendRequest, TaskSigner } from "@testnet/core"
import { signTempoTransaction } from "../../transaction/sign.js"
import type { TempoAccessListEntry, TempoCall } from "../../transaction/types.js"
import { tempoRawRequest } from "../shared/tempoRawRequest.js"

/**
 * A send request for a Tempo (0x76) transaction with an access list, signed locally by `wallet`
 * (the shared `tempoRequest` builds none): nonce lane 0, fees from the pipeline.
 *
 * @example
 * const request = accessListRequest(context.wallet, { calls, accessList: [{ address: token, storageKeys: [] }], gasLimit, feeToken })
 */
export function accessListRequest(
  wallet: TaskSigner,
  parameters: {
    readonly calls: readonly TempoCall[]
    readonly accessList: readonly TempoAccessListEntry[]
    readonly gasLimit: bigint
    readonly feeToken: string
  },
): RawSendRequest {
  const { accessList } = parameters
  return tempoRawRequest({ ...parameters, extraFields: { accessList } }, (fields) =>
    signTempoTransaction(fields, (digest) => wallet.signDigest(digest)),
  )
}
