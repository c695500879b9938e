import { checksumAddress, encodeRlp } from "@testnet/core/wallet"
import { tempoTransactionType } from "./constants.js"
import { encodeTempoFields, isSponsored } from "./encodeFields.js"
import { bytesHex, hashBytes, toRlpItems } from "./fastRlp.js"
import {
  type TempoKeyAuthorization,
  type TempoSignedKeyAuthorization,
  tempoKeyAuthorizationHash,
} from "./keyAuthorization.js"
import { encodeSenderSignature, serializeTempoTransaction } from "./serialize.js"
import type { TempoSigner } from "./signers.js"
import {
  tempoFeePayerSigningHash,
  tempoKeychainSigningHash,
  tempoSenderSigningHash,
} from "./signingHashes.js"
import type { SignDigest, TempoSignature, TempoTransactionFields } from "./types.js"

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
    return bytesHex(signed)
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

/**
 * Signs a Tempo transaction with any {@link TempoSigner} (secp256k1, P256, WebAuthn) as the sender.
 *
 * @example
 * const raw = signTempoTransactionAs(fields, p256Signer(passkey))
 * await provider.send("eth_sendRawTransaction", [raw])
 */
export function signTempoTransactionAs(fields: TempoTransactionFields, signer: TempoSigner): string {
  return serializeTempoTransaction(fields, signer.sign(tempoSenderSigningHash(fields)))
}

/**
 * Signs a Tempo transaction with an access key on behalf of `userAddress` (a keychain signature:
 * the transaction runs as `userAddress`, within the key's limits and scopes). Version `v2`
 * (default) is what hardfork T1C and later accept.
 *
 * @example
 * const raw = signTempoTransactionWithAccessKey(fields, root.address, secp256k1Signer(accessKey.address, accessKey.signDigest))
 */
export function signTempoTransactionWithAccessKey(
  fields: TempoTransactionFields,
  userAddress: string,
  accessKey: TempoSigner,
  version: "v1" | "v2" = "v2",
): string {
  const inner = accessKey.sign(tempoKeychainSigningHash(fields, userAddress, version))
  return serializeTempoTransaction(fields, {
    type: "keychain",
    version,
    userAddress: checksumAddress(userAddress),
    inner,
  })
}

/**
 * The root key signs a key authorization (granting `authorization.keyId` its limits, scopes and
 * expiry); put the result in a transaction's `keyAuthorization` field.
 *
 * @example
 * const keyAuthorization = signTempoKeyAuthorization({ chainId, keyType: "p256", keyId: passkey.address, expiry }, rootSigner)
 */
export function signTempoKeyAuthorization(
  authorization: TempoKeyAuthorization,
  rootSigner: TempoSigner,
): TempoSignedKeyAuthorization {
  return { ...authorization, signature: rootSigner.sign(tempoKeyAuthorizationHash(authorization)) }
}
