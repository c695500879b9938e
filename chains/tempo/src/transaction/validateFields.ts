import { Err, Ok, type Result } from "@testnet/core"
import {
  TempoEmptyValidityWindowError,
  type TempoEmptyValidityWindowErrorType,
  TempoFeeOutOfRangeError,
  type TempoFeeOutOfRangeErrorType,
} from "../errors/transaction.js"
import type { TempoTransactionFields } from "./types.js"

/** u128::MAX: Tempo's fee fields are u128 (tempo `crates/primitives/src/transaction/tempo_transaction.rs`). */
const maxUint128 = (1n << 128n) - 1n

/** 0 and null both mean "no bound" on the wire (an empty RLP string). */
function bound(value: bigint | null | undefined): bigint | undefined {
  return value === undefined || value === null || value === 0n ? undefined : value
}

/**
 * Checks what the node checks when it decodes a 0x76 transaction and the RLP encoder would not
 * catch: a non-empty validity window (`validBefore > validAfter` when both are set) and fee fields
 * that fit in u128.
 *
 * @example
 * const checked = validateTempoFields({ ...fields, validBefore: 100n, validAfter: 100n })
 * checked.isErr() && checked.error.code // "TEMPO_EMPTY_VALIDITY_WINDOW"
 */
export function validateTempoFields(
  fields: TempoTransactionFields,
): Result<TempoTransactionFields, TempoEmptyValidityWindowErrorType | TempoFeeOutOfRangeErrorType> {
  for (const field of ["maxFeePerGas", "maxPriorityFeePerGas"] as const) {
    const value = fields[field]
    if (value > maxUint128)
      return Err(new TempoFeeOutOfRangeError({ field, value }) as TempoFeeOutOfRangeErrorType)
  }
  const validBefore = bound(fields.validBefore)
  const validAfter = bound(fields.validAfter)
  if (validBefore !== undefined && validAfter !== undefined && validBefore <= validAfter)
    return Err(
      new TempoEmptyValidityWindowError({ validBefore, validAfter }) as TempoEmptyValidityWindowErrorType,
    )
  return Ok(fields)
}
