import { BaseError } from "@testnet/core"

/**
 * A byte string is not a Tempo transaction this library can read: wrong type byte, malformed RLP,
 * non-canonical integers, or a feature it does not support (key authorization, P256/WebAuthn
 * signatures, non-empty AA authorization list).
 *
 * @example
 * const decoded = decodeTempoTransaction(raw)
 * if (decoded.isErr() && decoded.error.code === "TEMPO_TRANSACTION_DECODE") console.error(decoded.error.shortMessage)
 */
export class TempoTransactionDecodeError extends BaseError {
  override name = "TempoTransactionDecodeError"
  readonly reason: string

  constructor(parameters: { reason: string; cause?: unknown }) {
    super("Could not decode the Tempo (0x76) transaction.", {
      code: "TEMPO_TRANSACTION_DECODE",
      details: parameters.reason,
      metaMessages: ["Only secp256k1-signed 0x76 transactions without key authorization are supported."],
      ...(parameters.cause === undefined ? {} : { cause: parameters.cause }),
    })
    this.reason = parameters.reason
  }
}

/**
 * The narrowed type of {@link TempoTransactionDecodeError}, for `Result` error unions.
 *
 * @example
 * function check(error: TempoTransactionDecodeErrorType) { return error.reason }
 */
export type TempoTransactionDecodeErrorType = TempoTransactionDecodeError & {
  name: "TempoTransactionDecodeError"
}
