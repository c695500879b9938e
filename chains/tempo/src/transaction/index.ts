// Public exports of the Tempo transaction (type 0x76) folder.
export { expiringNonceKey, feePayerSignatureMagicByte, tempoTransactionType } from "./constants.js"
export { decodeTempoFeePayerRequest, decodeTempoTransaction } from "./decode.js"
export { serializeTempoFeePayerRequest } from "./feePayerRequest.js"
export { tempoTransactionHash } from "./hash.js"
export {
  type TempoCallScope,
  type TempoKeyAuthorization,
  type TempoKeyType,
  type TempoSelectorRule,
  type TempoSignedKeyAuthorization,
  type TempoTokenLimit,
  tempoKeyAuthorizationHash,
} from "./keyAuthorization.js"
export { createRandomP256Key, p256KeyFromSecret, type TempoP256Key } from "./p256.js"
export { encodeSenderSignature, serializeTempoTransaction } from "./serialize.js"
export {
  signTempoFeePayer,
  signTempoKeyAuthorization,
  signTempoTransaction,
  signTempoTransactionAs,
  signTempoTransactionWithAccessKey,
  toTempoSignature,
} from "./sign.js"
export {
  decodeSignatureEnvelope,
  encodeSignatureEnvelope,
  p256Address,
  type TempoKeychainSignature,
  type TempoP256PublicKey,
  type TempoP256Signature,
  type TempoPrimitiveSignature,
  type TempoSecp256k1Signature,
  type TempoSignatureEnvelope,
  type TempoWebAuthnSignature,
} from "./signatureEnvelope.js"
export { p256Signer, secp256k1Signer, type TempoSigner, webAuthnSigner } from "./signers.js"
export {
  tempoFeePayerSigningHash,
  tempoKeychainSigningHash,
  tempoSenderSigningHash,
} from "./signingHashes.js"
export { recoverTempoSenderAddress, sponsorTempoTransaction } from "./sponsor.js"
export type {
  DecodedTempoTransaction,
  SignDigest,
  TempoAccessListEntry,
  TempoCall,
  TempoSignature,
  TempoTransactionFields,
} from "./types.js"
export { validateTempoFields } from "./validateFields.js"
