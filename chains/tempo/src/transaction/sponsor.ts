import { Err, Ok, type Result } from "@testnet/core"
import { checksumAddress } from "@testnet/core/wallet"
import { recoverAddress, Signature } from "ethers"
import {
  type TempoEmptyValidityWindowErrorType,
  type TempoFeeOutOfRangeErrorType,
  TempoTransactionDecodeError,
  type TempoTransactionDecodeErrorType,
} from "../errors/transaction.js"
import { decodeTempoTransaction } from "./decode.js"
import { serializeTempoTransaction } from "./serialize.js"
import { signTempoFeePayer } from "./sign.js"
import { p256Address, type TempoSignatureEnvelope, toSignatureEnvelope } from "./signatureEnvelope.js"
import { tempoSenderSigningHash } from "./signingHashes.js"
import type { SignDigest, TempoSignature, TempoTransactionFields } from "./types.js"
import { validateTempoFields } from "./validateFields.js"

/**
 * The sender's address from a sender signature over `fields`: recovered for secp256k1, derived
 * from the public key for P256/WebAuthn, the root account for a keychain signature. Only
 * secp256k1 is checked cryptographically here; the node verifies P256/WebAuthn.
 *
 * @example
 * const sender = recoverTempoSenderAddress(decoded.fields, decoded.signature)
 */
export function recoverTempoSenderAddress(
  fields: TempoTransactionFields,
  signature: TempoSignature | TempoSignatureEnvelope,
): string {
  const envelope = toSignatureEnvelope(signature)
  switch (envelope.type) {
    case "keychain":
      return checksumAddress(envelope.userAddress)
    case "p256":
    case "webAuthn":
      return p256Address(envelope.publicKey)
    case "secp256k1":
      return recoverAddress(
        tempoSenderSigningHash(fields),
        Signature.from({ r: envelope.r, s: envelope.s, yParity: envelope.yParity }),
      )
  }
}

/**
 * Sponsor side of fee sponsorship: takes a raw transaction the sender signed with
 * `sponsored: true`, recovers the sender, co-signs as fee payer (optionally choosing the fee
 * token, which the sender did not commit to) and returns the final raw transaction.
 *
 * @example
 * const senderRaw = signTempoTransaction({ ...fields, sponsored: true }, (digest) => sender.signDigest(digest))
 * const final = sponsorTempoTransaction(senderRaw, (digest) => sponsor.signDigest(digest), { feeToken: alphaUsdAddress })
 * if (final.isOk()) await provider.send("eth_sendRawTransaction", [final.value])
 */
export function sponsorTempoTransaction(
  senderSigned: string,
  signDigest: SignDigest,
  options: { readonly feeToken?: string | null } = {},
): Result<
  string,
  TempoTransactionDecodeErrorType | TempoEmptyValidityWindowErrorType | TempoFeeOutOfRangeErrorType
> {
  const decoded = decodeTempoTransaction(senderSigned)
  if (decoded.isErr()) return decoded
  const valid = validateTempoFields(decoded.value.fields)
  if (valid.isErr()) return valid
  const { fields, signature } = decoded.value
  if (signature === undefined || !fields.sponsored) {
    const reason =
      signature === undefined
        ? "the transaction has no sender signature"
        : "the sender did not sign it as sponsored"
    return Err(new TempoTransactionDecodeError({ reason }) as TempoTransactionDecodeErrorType)
  }
  const sponsoredFields: TempoTransactionFields = {
    ...fields,
    ...(options.feeToken === undefined ? {} : { feeToken: options.feeToken }),
    sponsored: true,
    feePayerSignature: null,
  }
  const sender = recoverTempoSenderAddress(sponsoredFields, signature)
  const feePayerSignature = signTempoFeePayer(sponsoredFields, sender, signDigest)
  return Ok(serializeTempoTransaction({ ...sponsoredFields, feePayerSignature }, signature))
}
