// Public exports of the signing folder (named exports only).
export {
  SigningBackendUnavailableError,
  type SigningBackendUnavailableErrorType,
  type SigningErrorType,
} from "../errors/signing.js"
export { checksumAddress } from "./checksumAddress.js"
export type { DigestSigner, SigningBackend } from "./digestSigner.js"
export {
  createFastWallet,
  createFastWallets,
  type FastWallet,
  type FastWalletErrorType,
  type FastWalletOptions,
} from "./fastWallet.js"
export type { KeccakBackend } from "./keccak.js"
export {
  encodeSigned,
  encodeUnsigned,
  type LeanTransaction,
  type RawSignature,
  toLeanTransaction,
} from "./leanTransaction.js"
export {
  disableNativeSignerVariable,
  getNativeSignerStatus,
  type NativeSecp256k1,
  type NativeSignerStatus,
} from "./nativeBinding.js"
export { getNativeKeccakStatus, type Keccak256, type NativeKeccakStatus } from "./nativeKeccak.js"
export { encodeRlp, quantityBytes, type RlpItem, stripLeadingZeros } from "./rlp.js"
