import { concat, encodeRlp, getBytes, toBeHex } from "ethers"
import { feePayerSignatureMagicByte } from "./constants.js"
import { encodeTempoFields } from "./encodeFields.js"
import {
  encodeSignatureEnvelope,
  type TempoSignatureEnvelope,
  toSignatureEnvelope,
} from "./signatureEnvelope.js"
import type { TempoSignature, TempoTransactionFields } from "./types.js"

/**
 * The 0x78 fee-payer form: `0x78 || rlp(fields with the real feeToken, senderAddress in the
 * fee-payer slot [, senderSignature])`. Without a signature its keccak256 is the digest the fee
 * payer signs; with one it is what ox hands to a fee-payer service (`format: "feePayer"`).
 *
 * @example
 * const request = serializeTempoFeePayerRequest({ ...fields, sponsored: true }, sender.address, senderSignature)
 * const decoded = decodeTempoFeePayerRequest(request)
 */
export function serializeTempoFeePayerRequest(
  fields: TempoTransactionFields,
  senderAddress: string,
  signature?: TempoSignature | TempoSignatureEnvelope,
): string {
  const items = encodeTempoFields(fields, { kind: "sender", address: senderAddress }, { omitFeeToken: false })
  if (signature !== undefined) items.push(getBytes(encodeSignatureEnvelope(toSignatureEnvelope(signature))))
  return concat([toBeHex(feePayerSignatureMagicByte), encodeRlp(items)])
}
