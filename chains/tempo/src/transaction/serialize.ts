import { encodeRlp } from "@testnet/core/wallet"
import { concat, getBytes, toBeHex, zeroPadValue } from "ethers"
import { tempoTransactionType } from "./constants.js"
import { encodeTempoFields, type FeePayerSlot, isSponsored } from "./encodeFields.js"
import { bytesHex, toRlpItems } from "./fastRlp.js"
import type { TempoSignature, TempoTransactionFields } from "./types.js"

function feePayerSlotOf(fields: TempoTransactionFields): FeePayerSlot {
  if (fields.feePayerSignature !== undefined && fields.feePayerSignature !== null) {
    return { kind: "signature", signature: fields.feePayerSignature }
  }
  return isSponsored(fields) ? { kind: "placeholder" } : { kind: "none" }
}

/**
 * The 65-byte secp256k1 sender signature Tempo expects: r || s || v, with v = 27 + yParity.
 *
 * @example
 * const bytes = encodeSenderSignature({ r, s, yParity: 1 }) // 0x…1c
 */
export function encodeSenderSignature(signature: TempoSignature): string {
  if (signature.yParity !== 0 && signature.yParity !== 1) throw new RangeError(`yParity must be 0 or 1`)
  return concat([
    zeroPadValue(signature.r, 32),
    zeroPadValue(signature.s, 32),
    toBeHex(27 + signature.yParity, 1),
  ])
}

/**
 * Serializes a Tempo transaction (type 0x76) as `0x76 || rlp(fields [, senderSignature])`.
 * Without `signature` the result is the unsigned payload (useful for tooling and the decoder).
 * A sponsored transaction without `feePayerSignature` carries the `0x00` placeholder, the form a
 * sender hands to a sponsor.
 *
 * @example
 * const signature = wallet.signDigest(tempoSenderSigningHash(fields))
 * const raw = serializeTempoTransaction(fields, signature)
 * await provider.send("eth_sendRawTransaction", [raw])
 */
export function serializeTempoTransaction(
  fields: TempoTransactionFields,
  signature?: TempoSignature,
): string {
  const items = encodeTempoFields(fields, feePayerSlotOf(fields), { omitFeeToken: false })
  if (signature !== undefined) items.push(getBytes(encodeSenderSignature(signature)))
  return bytesHex(encodeRlp(toRlpItems(items), tempoTransactionType))
}
