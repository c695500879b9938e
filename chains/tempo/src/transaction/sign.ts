import { encodeRlp, getNativeKeccakStatus, type RlpItem } from "@testnet/core/wallet"
import { getBytes, keccak256, type RlpStructuredDataish } from "ethers"
import { tempoTransactionType } from "./constants.js"
import { encodeTempoFields, isSponsored } from "./encodeFields.js"
import { encodeSenderSignature, serializeTempoTransaction } from "./serialize.js"
import { tempoFeePayerSigningHash, tempoSenderSigningHash } from "./signingHashes.js"
import type { SignDigest, TempoSignature, TempoTransactionFields } from "./types.js"

/** keccak-256 of bytes as 0x-hex: the native sponge when it loads (cached by core), ethers' otherwise. */
function hashBytes(bytes: Uint8Array): string {
  const nativeKeccak = getNativeKeccakStatus()
  if (!nativeKeccak.available) return keccak256(bytes)
  const digest = nativeKeccak.keccak256(bytes)
  return `0x${Buffer.from(digest.buffer, digest.byteOffset, digest.byteLength).toString("hex")}`
}

/** The encoder's items (0x-hex strings, bytes, lists) as byte items for core's RLP encoder. */
function toRlpItems(items: readonly RlpStructuredDataish[]): RlpItem[] {
  return items.map(toRlpItem)
}

function toRlpItem(item: RlpStructuredDataish): RlpItem {
  if (typeof item === "string") return item.length === 2 ? new Uint8Array(0) : getBytesFast(item)
  if (item instanceof Uint8Array) return item
  return (item as readonly RlpStructuredDataish[]).map(toRlpItem)
}

const evenHex = /^0x(?:[0-9a-fA-F]{2})*$/
function getBytesFast(hex: string): Uint8Array {
  return evenHex.test(hex) ? Buffer.from(hex.slice(2), "hex") : getBytes(hex)
}
/**
 * Narrows a signer's output (e.g. an `ethers.Signature`) to the parts Tempo encodes; a yParity
 * outside 0/1 is a signer bug and throws.
 *
 * @example
 * const parts = toTempoSignature(wallet.signDigest(digest))
 */
export function toTempoSignature(signature: ReturnType<SignDigest>): TempoSignature {
  const { r, s, yParity } = signature
  if (yParity !== 0 && yParity !== 1)
    throw new RangeError(`signer returned yParity ${yParity}, expected 0 or 1`)
  return { r, s, yParity }
}

/**
 * Signs a Tempo transaction as its sender and returns the serialized raw transaction (0x76…).
 * For a sponsored transaction, pass `feePayerSignature` (from {@link signTempoFeePayer}) to get
 * the final form, or only `sponsored: true` to get the form a sponsor can co-sign later.
 *
 * @example
 * const raw = signTempoTransaction(fields, (digest) => wallet.signDigest(digest))
 * const hash = tempoTransactionHash(raw) // equals what eth_sendRawTransaction returns
 */
export function signTempoTransaction(fields: TempoTransactionFields, signDigest: SignDigest): string {
  if (!isSponsored(fields)) {
    // Unsponsored, the signed fields are the serialized ones: encode them once, with core's
    // one-buffer RLP encoder and keccak (the hot path; byte-identical to the general path below).
    const items = toRlpItems(encodeTempoFields(fields, { kind: "none" }, { omitFeeToken: false }))
    const signature = toTempoSignature(signDigest(hashBytes(encodeRlp(items, tempoTransactionType))))
    const signed = encodeRlp(
      [...items, Buffer.from(encodeSenderSignature(signature).slice(2), "hex")],
      tempoTransactionType,
    )
    return `0x${Buffer.from(signed.buffer, signed.byteOffset, signed.byteLength).toString("hex")}`
  }
  const signature = toTempoSignature(signDigest(tempoSenderSigningHash(fields)))
  return serializeTempoTransaction(fields, signature)
}

/**
 * Produces the fee payer's (sponsor's) signature over `fields` for `senderAddress`. The sponsor
 * commits to `feeToken`; the sender does not.
 *
 * @example
 * const feePayerSignature = signTempoFeePayer({ ...fields, sponsored: true }, sender.address, (digest) => sponsor.signDigest(digest))
 * const raw = signTempoTransaction({ ...fields, feePayerSignature }, (digest) => sender.signDigest(digest))
 */
export function signTempoFeePayer(
  fields: TempoTransactionFields,
  senderAddress: string,
  signDigest: SignDigest,
): TempoSignature {
  return toTempoSignature(signDigest(tempoFeePayerSigningHash(fields, senderAddress)))
}
