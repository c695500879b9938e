import { encodeRlp } from "@testnet/core/wallet"
import { getBytes } from "ethers"
import { tempoTransactionType } from "./constants.js"
import { encodeTempoFields, type FeePayerSlot, isSponsored } from "./encodeFields.js"
import { bytesHex, toRlpItems } from "./fastRlp.js"
import {
  encodeSignatureEnvelope,
  type TempoSignatureEnvelope,
  toSignatureEnvelope,
} from "./signatureEnvelope.js"
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
  return encodeSignatureEnvelope(toSignatureEnvelope(signature))
}

/**
 * Serializes a Tempo transaction (type 0x76) as `0x76 || rlp(fields [, senderSignature])`.
 * Without `signature` the result is the unsigned payload (useful for tooling and the decoder).
 * `signature` is a plain secp256k1 `{ r, s, yParity }` or any {@link TempoSignatureEnvelope}
 * (P256, WebAuthn, keychain). A sponsored transaction without `feePayerSignature` is the
 * half-signed hand-off to a sponsor: the `0x00` placeholder and no `feeToken` (the sender does not
 * commit to it; the sponsor picks it), as tempo's `encode_for_fee_payer_service` and ox write it.
 *
 * @example
 * const signature = wallet.signDigest(tempoSenderSigningHash(fields))
 * const raw = serializeTempoTransaction(fields, signature)
 * await provider.send("eth_sendRawTransaction", [raw])
 */
export function serializeTempoTransaction(
  fields: TempoTransactionFields,
  signature?: TempoSignature | TempoSignatureEnvelope,
): string {
  const slot = feePayerSlotOf(fields)
  const items = encodeTempoFields(fields, slot, { omitFeeToken: slot.kind === "placeholder" })
  if (signature !== undefined) items.push(getBytes(encodeSignatureEnvelope(toSignatureEnvelope(signature))))
  return bytesHex(encodeRlp(toRlpItems(items), tempoTransactionType))
}
