import type { RawSendRequest, TaskSigner } from "@testnet/core"
import { signTempoFeePayer, signTempoTransaction } from "../../transaction/sign.js"
import type { SignDigest, TempoCall, TempoTransactionFields } from "../../transaction/types.js"
import { tempoRawRequest } from "./tempoRawRequest.js"

/**
 * What a Tempo (0x76) transaction built by {@link tempoRequest} carries besides nonce and fees.
 *
 * @example
 * const parameters: TempoRequestParameters = { calls: [{ to: token, input: data }], gasLimit: 900_000n, feeToken: tempoAddresses.alphaUsd }
 */
export type TempoRequestParameters = {
  /** One or more calls, executed atomically (only the first may be a CREATE, `to: null`). */
  readonly calls: readonly TempoCall[]
  readonly gasLimit: bigint
  /** The TIP-20 that pays the fee; absent: the account's preference, then pathUSD. */
  readonly feeToken?: string
  /** A fee payer co-signs and pays the fee (in `feeToken`, which the sponsor chooses). */
  readonly sponsor?: { readonly signDigest: SignDigest }
}

/**
 * A send request for a Tempo transaction (type 0x76) signed locally by `wallet`: the pipeline
 * reserves the nonce (protocol lane), supplies the fees, journals and broadcasts it.
 *
 * @example
 * const sent = await context.send(tempoRequest(context.wallet, {
 *   calls: [{ to: tempoAddresses.pathUsd, input: encodeTip20Transfer(recipient, 5n) }],
 *   gasLimit: tempoGasLimits.tip20Transfer,
 *   feeToken: tempoAddresses.betaUsd,
 * }))
 */
export function tempoRequest(wallet: TaskSigner, parameters: TempoRequestParameters): RawSendRequest {
  const { sponsor } = parameters
  const signSender: SignDigest = (digest) => wallet.signDigest(digest)
  return tempoRawRequest(parameters, (fields) => {
    if (sponsor === undefined) return signTempoTransaction(fields, signSender)
    const sponsored: TempoTransactionFields = { ...fields, sponsored: true }
    const feePayerSignature = signTempoFeePayer(sponsored, wallet.address, sponsor.signDigest)
    return signTempoTransaction({ ...sponsored, feePayerSignature }, signSender)
  })
}
