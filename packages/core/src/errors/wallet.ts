import { BaseError } from "./base.js"

// Wallet errors name files, line numbers, indexes and addresses — never a key, a phrase or a password.

const passwordHints = [
  "Set TESTNET_WALLET_PASSWORD in the environment, or run the command on an interactive terminal to be prompted.",
  "Passwords are never read from command-line arguments (they would show in the process list and shell history).",
]

/**
 * A keystore file could not be decrypted: the MAC did not match the password.
 *
 * @example
 * const error = new WalletDecryptionFailedError({ file: "keys/0.json" })
 * error.code // "WALLET_DECRYPTION_FAILED"
 */
export class WalletDecryptionFailedError extends BaseError {
  override name = "WalletDecryptionFailedError" as const
  readonly file: string
  constructor(parameters: { file: string; cause?: unknown }) {
    super(`Could not decrypt keystore ${parameters.file}: wrong password or corrupted keystore.`, {
      code: "WALLET_DECRYPTION_FAILED",
      cause: parameters.cause,
      metaMessages: ["Check TESTNET_WALLET_PASSWORD; all keystores of one run share one password."],
    })
    this.file = parameters.file
  }
}
/**
 * {@link WalletDecryptionFailedError} narrowed by name.
 *
 * @example
 * if (result.isErr() && result.error.name === "WalletDecryptionFailedError") report(result.error) // WalletDecryptionFailedErrorType
 */
export type WalletDecryptionFailedErrorType = WalletDecryptionFailedError & {
  name: "WalletDecryptionFailedError"
}

/**
 * A wallet index (or a requested wallet count) is beyond the loaded wallets.
 *
 * @example
 * const error = new WalletNotFoundError({ index: 12, total: 10 })
 * error.code // "WALLET_NOT_FOUND"
 */
export class WalletNotFoundError extends BaseError {
  override name = "WalletNotFoundError" as const
  readonly index: number
  readonly total: number
  constructor(parameters: { index: number; total: number }) {
    super(`Wallet #${parameters.index} not found: only ${parameters.total} wallet(s) are loaded.`, {
      code: "WALLET_NOT_FOUND",
      metaMessages: ["Add wallet sources, or lower the wallet count."],
    })
    this.index = parameters.index
    this.total = parameters.total
  }
}
/**
 * {@link WalletNotFoundError} narrowed by name.
 *
 * @example
 * if (result.isErr() && result.error.name === "WalletNotFoundError") report(result.error) // WalletNotFoundErrorType
 */
export type WalletNotFoundErrorType = WalletNotFoundError & { name: "WalletNotFoundError" }

/**
 * A private key is not hexadecimal or is outside the secp256k1 range. `location` is a file and
 * line (`keys.txt:3`) or a source entry (`TESTNET_KEYS entry #2`); the key itself is never shown.
 *
 * @example
 * const error = new WalletInvalidKeyFormatError({ location: "keys.txt:3", reason: "not hexadecimal" })
 * error.code // "WALLET_INVALID_KEY_FORMAT"
 */
export class WalletInvalidKeyFormatError extends BaseError {
  override name = "WalletInvalidKeyFormatError" as const
  readonly location: string
  constructor(parameters: { location: string; reason: string }) {
    super(`Invalid private key at ${parameters.location}: ${parameters.reason}.`, {
      code: "WALLET_INVALID_KEY_FORMAT",
      metaMessages: ["A private key is 64 hexadecimal characters, with or without a 0x prefix."],
    })
    this.location = parameters.location
  }
}
/**
 * {@link WalletInvalidKeyFormatError} narrowed by name.
 *
 * @example
 * if (result.isErr() && result.error.name === "WalletInvalidKeyFormatError") report(result.error) // WalletInvalidKeyFormatErrorType
 */
export type WalletInvalidKeyFormatErrorType = WalletInvalidKeyFormatError & {
  name: "WalletInvalidKeyFormatError"
}

/**
 * A private key has the wrong number of hex characters (the key itself is never shown).
 *
 * @example
 * const error = new WalletInvalidKeyLengthError({ location: "keys.txt:3", length: 62 })
 * error.code // "WALLET_INVALID_KEY_LENGTH"
 */
export class WalletInvalidKeyLengthError extends BaseError {
  override name = "WalletInvalidKeyLengthError" as const
  readonly location: string
  readonly length: number
  constructor(parameters: { location: string; length: number }) {
    super(
      `Invalid private key at ${parameters.location}: expected 64 hex characters, found ${parameters.length}.`,
      {
        code: "WALLET_INVALID_KEY_LENGTH",
        metaMessages: ["A private key is 32 bytes: 64 hexadecimal characters, with or without a 0x prefix."],
      },
    )
    this.location = parameters.location
    this.length = parameters.length
  }
}
/**
 * {@link WalletInvalidKeyLengthError} narrowed by name.
 *
 * @example
 * if (result.isErr() && result.error.name === "WalletInvalidKeyLengthError") report(result.error) // WalletInvalidKeyLengthErrorType
 */
export type WalletInvalidKeyLengthErrorType = WalletInvalidKeyLengthError & {
  name: "WalletInvalidKeyLengthError"
}

/**
 * A keystore's declared `address` differs from the address of the key it decrypts to.
 *
 * @example
 * const error = new WalletAddressMismatchError({ file: "keys/0.json", declared: "0x00…01", actual: "0xf39F…2266" })
 * error.code // "WALLET_ADDRESS_MISMATCH"
 */
export class WalletAddressMismatchError extends BaseError {
  override name = "WalletAddressMismatchError" as const
  readonly file: string
  constructor(parameters: { file: string; declared: string; actual: string }) {
    super(
      `Keystore ${parameters.file} declares address ${parameters.declared} but decrypts to another address.`,
      {
        code: "WALLET_ADDRESS_MISMATCH",
        details: `decrypted address: ${parameters.actual}`,
        metaMessages: ["The file was edited or assembled by hand; regenerate it from the key."],
      },
    )
    this.file = parameters.file
  }
}
/**
 * {@link WalletAddressMismatchError} narrowed by name.
 *
 * @example
 * if (result.isErr() && result.error.name === "WalletAddressMismatchError") report(result.error) // WalletAddressMismatchErrorType
 */
export type WalletAddressMismatchErrorType = WalletAddressMismatchError & {
  name: "WalletAddressMismatchError"
}

/**
 * Keystores must be decrypted but no password was given and no terminal is there to ask for one.
 *
 * @example
 * const error = new WalletPasswordRequiredError({ reason: "standard input is not a terminal" })
 * error.code // "WALLET_PASSWORD_REQUIRED"
 */
export class WalletPasswordRequiredError extends BaseError {
  override name = "WalletPasswordRequiredError" as const
  constructor(parameters: { reason: string }) {
    super(`A keystore password is required: ${parameters.reason}.`, {
      code: "WALLET_PASSWORD_REQUIRED",
      metaMessages: passwordHints,
    })
  }
}
/**
 * {@link WalletPasswordRequiredError} narrowed by name.
 *
 * @example
 * if (result.isErr() && result.error.name === "WalletPasswordRequiredError") report(result.error) // WalletPasswordRequiredErrorType
 */
export type WalletPasswordRequiredErrorType = WalletPasswordRequiredError & {
  name: "WalletPasswordRequiredError"
}

/**
 * The same address comes from two sources (or twice from one). Both places are named.
 *
 * @example
 * const error = new WalletDuplicateAddressError({ address: "0xf39F…2266", first: "keys.txt:1", second: "keys/a.json" })
 * error.code // "WALLET_DUPLICATE_ADDRESS"
 */
export class WalletDuplicateAddressError extends BaseError {
  override name = "WalletDuplicateAddressError" as const
  readonly address: string
  constructor(parameters: { address: string; first: string; second: string }) {
    super(
      `Wallet ${parameters.address} is loaded twice: from ${parameters.first} and from ${parameters.second}.`,
      {
        code: "WALLET_DUPLICATE_ADDRESS",
        metaMessages: ["Two workers would share one nonce sequence; remove one of the two entries."],
      },
    )
    this.address = parameters.address
  }
}
/**
 * {@link WalletDuplicateAddressError} narrowed by name.
 *
 * @example
 * if (result.isErr() && result.error.name === "WalletDuplicateAddressError") report(result.error) // WalletDuplicateAddressErrorType
 */
export type WalletDuplicateAddressErrorType = WalletDuplicateAddressError & {
  name: "WalletDuplicateAddressError"
}

/**
 * A source yielded no wallet (empty directory, a keys file of comments, an unset variable).
 *
 * @example
 * const error = new WalletEmptySourceError({ source: "keystore directory ./keys" })
 * error.code // "WALLET_EMPTY_SOURCE"
 */
export class WalletEmptySourceError extends BaseError {
  override name = "WalletEmptySourceError" as const
  readonly source: string
  constructor(parameters: { source: string; hint?: string }) {
    super(`The wallet source ${parameters.source} holds no wallet.`, {
      code: "WALLET_EMPTY_SOURCE",
      metaMessages: [
        parameters.hint ?? "Point the source at a file or directory that holds keys, or remove the source.",
      ],
    })
    this.source = parameters.source
  }
}
/**
 * {@link WalletEmptySourceError} narrowed by name.
 *
 * @example
 * if (result.isErr() && result.error.name === "WalletEmptySourceError") report(result.error) // WalletEmptySourceErrorType
 */
export type WalletEmptySourceErrorType = WalletEmptySourceError & { name: "WalletEmptySourceError" }

/**
 * A keystore file is not valid JSON or not a Web3 Secret Storage v3 document.
 *
 * @example
 * const error = new WalletKeystoreInvalidError({ file: "keys/0.json", reason: "not valid JSON" })
 * error.code // "WALLET_KEYSTORE_INVALID"
 */
export class WalletKeystoreInvalidError extends BaseError {
  override name = "WalletKeystoreInvalidError" as const
  readonly file: string
  constructor(parameters: { file: string; reason: string; cause?: unknown }) {
    super(`Keystore ${parameters.file} is invalid: ${parameters.reason}.`, {
      code: "WALLET_KEYSTORE_INVALID",
      cause: parameters.cause,
      metaMessages: ["Keystores are Web3 Secret Storage v3 JSON files (as written by geth, ethers or cast)."],
    })
    this.file = parameters.file
  }
}
/**
 * {@link WalletKeystoreInvalidError} narrowed by name.
 *
 * @example
 * if (result.isErr() && result.error.name === "WalletKeystoreInvalidError") report(result.error) // WalletKeystoreInvalidErrorType
 */
export type WalletKeystoreInvalidErrorType = WalletKeystoreInvalidError & {
  name: "WalletKeystoreInvalidError"
}

/**
 * A mnemonic source has no phrase, an invalid phrase or an invalid derivation path. The phrase
 * itself is never shown.
 *
 * @example
 * const error = new WalletInvalidMnemonicError({ source: "mnemonic", reason: "invalid checksum" })
 * error.code // "WALLET_INVALID_MNEMONIC"
 */
export class WalletInvalidMnemonicError extends BaseError {
  override name = "WalletInvalidMnemonicError" as const
  constructor(parameters: { source: string; reason: string; cause?: unknown }) {
    super(`Invalid ${parameters.source} source: ${parameters.reason}.`, {
      code: "WALLET_INVALID_MNEMONIC",
      cause: parameters.cause,
      metaMessages: [
        "Give a BIP-39 phrase in TESTNET_MNEMONIC (or the source's `phrase`) and a path like m/44'/60'/0'/0.",
      ],
    })
  }
}
/**
 * {@link WalletInvalidMnemonicError} narrowed by name.
 *
 * @example
 * if (result.isErr() && result.error.name === "WalletInvalidMnemonicError") report(result.error) // WalletInvalidMnemonicErrorType
 */
export type WalletInvalidMnemonicErrorType = WalletInvalidMnemonicError & {
  name: "WalletInvalidMnemonicError"
}

/**
 * A wallet file or directory could not be read or written (missing, permissions, disk).
 *
 * @example
 * const error = new WalletFileAccessError({ path: "keys.txt", operation: "read", cause })
 * error.code // "WALLET_FILE_ACCESS"
 */
export class WalletFileAccessError extends BaseError {
  override name = "WalletFileAccessError" as const
  readonly path: string
  constructor(parameters: { path: string; operation: "read" | "write"; cause?: unknown }) {
    const code = (parameters.cause as { code?: unknown } | undefined)?.code
    super(
      `Could not ${parameters.operation} ${parameters.path}${typeof code === "string" ? ` (${code})` : ""}.`,
      {
        code: "WALLET_FILE_ACCESS",
        cause: parameters.cause,
      },
    )
    this.path = parameters.path
  }
}
/**
 * {@link WalletFileAccessError} narrowed by name.
 *
 * @example
 * if (result.isErr() && result.error.name === "WalletFileAccessError") report(result.error) // WalletFileAccessErrorType
 */
export type WalletFileAccessErrorType = WalletFileAccessError & { name: "WalletFileAccessError" }

/**
 * The keystore tool refused to overwrite an existing file.
 *
 * @example
 * const error = new WalletFileExistsError({ file: "keys/0xf39F….json" })
 * error.code // "WALLET_FILE_EXISTS"
 */
export class WalletFileExistsError extends BaseError {
  override name = "WalletFileExistsError" as const
  readonly file: string
  constructor(parameters: { file: string }) {
    super(`Refusing to overwrite ${parameters.file}: it already exists.`, {
      code: "WALLET_FILE_EXISTS",
      metaMessages: ["Keystores are never overwritten; write to another directory or move the file away."],
    })
    this.file = parameters.file
  }
}
/**
 * {@link WalletFileExistsError} narrowed by name.
 *
 * @example
 * if (result.isErr() && result.error.name === "WalletFileExistsError") report(result.error) // WalletFileExistsErrorType
 */
export type WalletFileExistsErrorType = WalletFileExistsError & { name: "WalletFileExistsError" }

/**
 * Every wallet error, for `Result<…, WalletErrorType>`.
 *
 * @example
 * function describe(error: WalletErrorType) { return `${error.code}: ${error.shortMessage}` }
 */
export type WalletErrorType =
  | WalletDecryptionFailedErrorType
  | WalletNotFoundErrorType
  | WalletInvalidKeyFormatErrorType
  | WalletInvalidKeyLengthErrorType
  | WalletAddressMismatchErrorType
  | WalletPasswordRequiredErrorType
  | WalletDuplicateAddressErrorType
  | WalletEmptySourceErrorType
  | WalletKeystoreInvalidErrorType
  | WalletInvalidMnemonicErrorType
  | WalletFileAccessErrorType
  | WalletFileExistsErrorType
