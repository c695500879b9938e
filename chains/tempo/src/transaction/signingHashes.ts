import { checksumAddress, encodeRlp } from "@testnet/core/wallet"
import { feePayerSignatureMagicByte, tempoTransactionType } from "./constants.js"
import { encodeTempoFields, isSponsored } from "./encodeFields.js"
import { hashBytes, toRlpItems } from "./fastRlp.js"
import type { TempoTransactionFields } from "./types.js"

/**
 * The digest the sender signs: `keccak256(0x76 || rlp(fields))`. For a sponsored transaction the
 * fee-payer slot holds the placeholder byte `0x00` and `feeToken` is left out (the sponsor picks it).
 *
 * @example
 * const digest = tempoSenderSigningHash(fields)
 * const signature = wallet.signDigest(digest)
 */
export function tempoSenderSigningHash(fields: TempoTransactionFields): string {
  const sponsored = isSponsored(fields)
  const items = encodeTempoFields(fields, sponsored ? { kind: "placeholder" } : { kind: "none" }, {
    omitFeeToken: sponsored,
  })
  return hashBytes(encodeRlp(toRlpItems(items), tempoTransactionType))
}

/**
 * The digest the fee payer (sponsor) signs: `keccak256(0x78 || rlp(fields))` with the real
 * `feeToken` and the sender's address in the fee-payer slot, binding the sponsorship to one sender.
 *
 * @example
 * const digest = tempoFeePayerSigningHash({ ...fields, sponsored: true }, senderAddress)
 * const feePayerSignature = sponsorWallet.signDigest(digest)
 */
export function tempoFeePayerSigningHash(fields: TempoTransactionFields, senderAddress: string): string {
  // keccak256 of serializeTempoFeePayerRequest(fields, senderAddress), through core's RLP encoder.
  const items = encodeTempoFields(fields, { kind: "sender", address: senderAddress }, { omitFeeToken: false })
  return hashBytes(encodeRlp(toRlpItems(items), feePayerSignatureMagicByte))
}

/**
 * What an access key signs for a keychain signature over `fields` on behalf of `userAddress`:
 * v2 (hardfork T1C and later) `keccak256(0x04 ‖ senderHash ‖ userAddress)`, v1 the sender hash.
 *
 * @example
 * const digest = tempoKeychainSigningHash(fields, rootAddress, "v2")
 */
export function tempoKeychainSigningHash(
  fields: TempoTransactionFields,
  userAddress: string,
  version: "v1" | "v2" = "v2",
): string {
  const senderHash = tempoSenderSigningHash(fields)
  if (version === "v1") return senderHash
  const user = checksumAddress(userAddress).slice(2)
  return hashBytes(Buffer.from(`04${senderHash.slice(2)}${user}`, "hex"))
}
