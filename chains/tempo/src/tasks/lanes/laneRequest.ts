import type { RawSendRequest, TaskSigner } from "@testnet/core"
import { dynamicFees } from "@testnet/evm"
import { signTempoTransaction } from "../../transaction/sign.js"
import type { TempoAccessListEntry, TempoCall } from "../../transaction/types.js"

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
  return {
    kind: "raw",
    to: parameters.calls[0]?.to ?? null,
    nonceKey: 0n,
    feeToken: parameters.feeToken,
    build({ nonce, fees, chainId }) {
      return signTempoTransaction(
        {
          chainId,
          nonce,
          nonceKey: 0n,
          gasLimit: parameters.gasLimit,
          ...dynamicFees(fees),
          calls: parameters.calls,
          accessList: parameters.accessList,
          feeToken: parameters.feeToken,
        },
        (digest) => wallet.signDigest(digest),
      )
    },
  }
}
