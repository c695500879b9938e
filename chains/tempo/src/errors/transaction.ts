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

/**
 * A Tempo transaction's validity window is empty: `validBefore ≤ validAfter` (both set). The node
 * refuses to decode such a transaction (tempo `crates/primitives/src/transaction/tempo_transaction.rs`
 * checks `valid_before > valid_after`), so it is never signed.
 *
 * @example
 * const checked = validateTempoFields(fields)
 * if (checked.isErr() && checked.error.code === "TEMPO_EMPTY_VALIDITY_WINDOW") console.error(checked.error.shortMessage)
 */
export class TempoEmptyValidityWindowError extends BaseError {
  override name = "TempoEmptyValidityWindowError"
  readonly validBefore: bigint
  readonly validAfter: bigint

  constructor(parameters: { validBefore: bigint; validAfter: bigint }) {
    super(
      `The Tempo transaction is valid before ${parameters.validBefore} and after ${parameters.validAfter}: that window is empty.`,
      {
        code: "TEMPO_EMPTY_VALIDITY_WINDOW",
        metaMessages: [
          "validBefore must be greater than validAfter (unix seconds); leave either unset for no bound.",
        ],
      },
    )
    this.validBefore = parameters.validBefore
    this.validAfter = parameters.validAfter
  }
}
/**
 * The narrowed type of {@link TempoEmptyValidityWindowError}, for `Result` error unions.
 *
 * @example
 * function check(error: TempoEmptyValidityWindowErrorType) { return error.validBefore }
 */
export type TempoEmptyValidityWindowErrorType = TempoEmptyValidityWindowError & {
  name: "TempoEmptyValidityWindowError"
}

/**
 * A fee field of a Tempo transaction is above 2^128 − 1: the protocol stores `maxFeePerGas` and
 * `maxPriorityFeePerGas` as u128 (tempo `TempoTransaction`), so the node could not decode it.
 *
 * @example
 * const checked = validateTempoFields(fields)
 * if (checked.isErr() && checked.error.code === "TEMPO_FEE_OUT_OF_RANGE") console.error(checked.error.field)
 */
export class TempoFeeOutOfRangeError extends BaseError {
  override name = "TempoFeeOutOfRangeError"
  readonly field: "maxFeePerGas" | "maxPriorityFeePerGas"
  readonly value: bigint

  constructor(parameters: { field: "maxFeePerGas" | "maxPriorityFeePerGas"; value: bigint }) {
    super(`The Tempo transaction's ${parameters.field} ${parameters.value} does not fit in 128 bits.`, {
      code: "TEMPO_FEE_OUT_OF_RANGE",
      metaMessages: ["Fee fields are u128 on Tempo (at most 2^128 − 1 attodollars per gas)."],
    })
    this.field = parameters.field
    this.value = parameters.value
  }
}
/**
 * The narrowed type of {@link TempoFeeOutOfRangeError}, for `Result` error unions.
 *
 * @example
 * function check(error: TempoFeeOutOfRangeErrorType) { return error.field }
 */
export type TempoFeeOutOfRangeErrorType = TempoFeeOutOfRangeError & { name: "TempoFeeOutOfRangeError" }
