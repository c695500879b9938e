import { encodeRlp } from "@testnet/core/wallet"
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
  const items = encodeTempoFields(fields, { kind: "sender", address: senderAddress }, { omitFeeToken: false })
  return hashBytes(encodeRlp(toRlpItems(items), feePayerSignatureMagicByte))
}
