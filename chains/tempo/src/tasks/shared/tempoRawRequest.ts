import type { RawSendRequest } from "@testnet/core"
import { dynamicFees } from "@testnet/evm"
import type { TempoCall, TempoTransactionFields } from "../../transaction/types.js"

/**
 * What every Tempo (0x76) send request carries besides nonce and fees; `extraFields` holds the
 * rest a task needs (an access list, a key authorization, `validBefore`).
 *
 * @example
 * const parameters: TempoRawRequestParameters = { calls, gasLimit: 900_000n, extraFields: { accessList } }
 */
export type TempoRawRequestParameters = {
  readonly calls: readonly TempoCall[]
  readonly gasLimit: bigint
  /** The TIP-20 that pays the fee; absent: the account's preference, then pathUSD. */
  readonly feeToken?: string
  /** The nonce lane; absent: the protocol lane 0. */
  readonly nonceKey?: bigint
  readonly extraFields?: Partial<TempoTransactionFields>
}

/**
 * The one place a Tempo send request is assembled: the pipeline reserves the nonce on the lane,
 * supplies the fees, journals and broadcasts; `sign` turns the complete fields into the signed,
 * serialized transaction (root key, access key, fee payer… are the caller's choice).
 *
 * @example
 * const request = tempoRawRequest({ calls, gasLimit }, (fields) => signTempoTransaction(fields, signDigest))
 */
export function tempoRawRequest(
  parameters: TempoRawRequestParameters,
  sign: (fields: TempoTransactionFields) => string,
): RawSendRequest {
  const { calls, gasLimit, feeToken, extraFields } = parameters
  const nonceKey = parameters.nonceKey ?? 0n
  return {
    kind: "raw",
    to: calls[0]?.to ?? null,
    nonceKey,
    // Journalled as the fee token; the sponsor's choice when sponsored. Absent: the account's
    // preference (the report counts it as pathUSD, the default).
    ...(feeToken === undefined ? {} : { feeToken }),
    build: ({ nonce, fees, chainId }) =>
      sign({
        chainId,
        nonce,
        nonceKey,
        gasLimit,
        // Tempo is always EIP-1559; a legacy fee source still yields a valid transaction.
        ...dynamicFees(fees),
        calls,
        ...(feeToken === undefined ? {} : { feeToken }),
        ...extraFields,
      }),
  }
}
