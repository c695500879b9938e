// Public exports of the wallet folder (named exports only).
export {
  WalletAddressMismatchError,
  type WalletAddressMismatchErrorType,
  WalletDecryptionFailedError,
  type WalletDecryptionFailedErrorType,
  WalletDuplicateAddressError,
  type WalletDuplicateAddressErrorType,
  WalletEmptySourceError,
  type WalletEmptySourceErrorType,
  type WalletErrorType,
  WalletFileAccessError,
  type WalletFileAccessErrorType,
  WalletFileExistsError,
  type WalletFileExistsErrorType,
  WalletInvalidKeyFormatError,
  type WalletInvalidKeyFormatErrorType,
  WalletInvalidKeyLengthError,
  type WalletInvalidKeyLengthErrorType,
  WalletInvalidMnemonicError,
  type WalletInvalidMnemonicErrorType,
  WalletKeystoreInvalidError,
  type WalletKeystoreInvalidErrorType,
  WalletNotFoundError,
  type WalletNotFoundErrorType,
  WalletPasswordRequiredError,
  type WalletPasswordRequiredErrorType,
} from "../errors/wallet.js"
export {
  decryptKeystore,
  defaultScryptParameters,
  encryptKeystore,
  type ScryptParameters,
} from "./keystoreCrypto.js"
export {
  exportAddressesCsv,
  type GenerateKeystoresOptions,
  generateKeystores,
  type ImportKeysOptions,
  importKeys,
  type KeystoreFileInfo,
  listKeystoreAddresses,
} from "./keystoreTool.js"
export { getWallet, type LoadWalletsOptions, loadWallets, needsPassword } from "./loadWallets.js"
export { passwordVariable, type ReadPasswordOptions, readPassword } from "./password.js"
export { createWalletPool, type WalletLease, type WalletPool, type WalletPoolOptions } from "./pool.js"
export { clearKeystoreCache } from "./sources/keystore.js"
export { defaultDerivationPath, mnemonicVariable } from "./sources/mnemonic.js"
export type { WalletSource } from "./sources/types.js"
export { createWallet, exportPrivateKey, isWallet, type Wallet } from "./wallet.js"
