// Public exports of the Tempo transaction (type 0x76) folder.
export { expiringNonceKey, feePayerSignatureMagicByte, tempoTransactionType } from "./constants.js"
export { decodeTempoTransaction } from "./decode.js"
export { tempoTransactionHash } from "./hash.js"
export { encodeSenderSignature, serializeTempoTransaction } from "./serialize.js"
export { signTempoFeePayer, signTempoTransaction, toTempoSignature } from "./sign.js"
export { tempoFeePayerSigningHash, tempoSenderSigningHash } from "./signingHashes.js"
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
