import { describe, expect, it } from "vitest"
import { BaseError } from "./base.js"
import {
  WalletAddressMismatchError,
  WalletDecryptionFailedError,
  WalletDuplicateAddressError,
  WalletEmptySourceError,
  WalletFileAccessError,
  WalletFileExistsError,
  WalletInvalidKeyFormatError,
  WalletInvalidKeyLengthError,
  WalletInvalidMnemonicError,
  WalletKeystoreInvalidError,
  WalletNotFoundError,
  WalletPasswordRequiredError,
} from "./wallet.js"

const first = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"
const second = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"

describe("wallet errors", () => {
  it("WalletDecryptionFailedError", () => {
    const error = new WalletDecryptionFailedError({ file: "keystores/a.json" })
    expect([error.name, error.code, error.file]).toEqual([
      "WalletDecryptionFailedError",
      "WALLET_DECRYPTION_FAILED",
      "keystores/a.json",
    ])
    expect(error.message).toMatchInlineSnapshot(`
      "Could not decrypt keystore keystores/a.json: wrong password or corrupted keystore.

      Check TESTNET_WALLET_PASSWORD; all keystores of one run share one password."
    `)
  })

  it("WalletNotFoundError", () => {
    const error = new WalletNotFoundError({ index: 12, total: 10 })
    expect([error.code, error.index, error.total]).toEqual(["WALLET_NOT_FOUND", 12, 10])
    expect(error.message).toMatchInlineSnapshot(`
      "Wallet #12 not found: only 10 wallet(s) are loaded.

      Add wallet sources, or lower the wallet count."
    `)
  })

  it("WalletInvalidKeyFormatError", () => {
    const error = new WalletInvalidKeyFormatError({ location: "keys.txt:3", reason: "not hexadecimal" })
    expect([error.code, error.location]).toEqual(["WALLET_INVALID_KEY_FORMAT", "keys.txt:3"])
    expect(error.message).toMatchInlineSnapshot(`
      "Invalid private key at keys.txt:3: not hexadecimal.

      A private key is 64 hexadecimal characters, with or without a 0x prefix."
    `)
  })

  it("WalletInvalidKeyLengthError", () => {
    const error = new WalletInvalidKeyLengthError({ location: "TESTNET_KEYS entry #2", length: 62 })
    expect([error.code, error.length]).toEqual(["WALLET_INVALID_KEY_LENGTH", 62])
    expect(error.message).toMatchInlineSnapshot(`
      "Invalid private key at TESTNET_KEYS entry #2: expected 64 hex characters, found 62.

      A private key is 32 bytes: 64 hexadecimal characters, with or without a 0x prefix."
    `)
  })

  it("WalletAddressMismatchError", () => {
    const error = new WalletAddressMismatchError({
      file: "keystores/a.json",
      declared: second,
      actual: first,
    })
    expect(error.code).toBe("WALLET_ADDRESS_MISMATCH")
    expect(error.message).toMatchInlineSnapshot(`
      "Keystore keystores/a.json declares address 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 but decrypts to another address.

      The file was edited or assembled by hand; regenerate it from the key.

      Details: decrypted address: 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"
    `)
  })

  it("WalletPasswordRequiredError", () => {
    const error = new WalletPasswordRequiredError({ reason: "standard input is not a terminal" })
    expect(error.code).toBe("WALLET_PASSWORD_REQUIRED")
    expect(error.message).toMatchInlineSnapshot(`
      "A keystore password is required: standard input is not a terminal.

      Set TESTNET_WALLET_PASSWORD in the environment, or run the command on an interactive terminal to be prompted.
      Passwords are never read from command-line arguments (they would show in the process list and shell history)."
    `)
  })

  it("WalletDuplicateAddressError", () => {
    const error = new WalletDuplicateAddressError({
      address: first,
      first: "keys.txt:1",
      second: "keystores/a.json",
    })
    expect([error.code, error.address]).toEqual(["WALLET_DUPLICATE_ADDRESS", first])
    expect(error.message).toMatchInlineSnapshot(`
      "Wallet 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266 is loaded twice: from keys.txt:1 and from keystores/a.json.

      Two workers would share one nonce sequence; remove one of the two entries."
    `)
  })

  it("WalletEmptySourceError", () => {
    const error = new WalletEmptySourceError({ source: "keystore directory ./keystores" })
    expect([error.code, error.source]).toEqual(["WALLET_EMPTY_SOURCE", "keystore directory ./keystores"])
    expect(error.message).toMatchInlineSnapshot(`
      "The wallet source keystore directory ./keystores holds no wallet.

      Point the source at a file or directory that holds keys, or remove the source."
    `)
  })

  it("WalletKeystoreInvalidError", () => {
    const error = new WalletKeystoreInvalidError({ file: "keystores/a.json", reason: "not valid JSON" })
    expect(error.code).toBe("WALLET_KEYSTORE_INVALID")
    expect(error.message).toMatchInlineSnapshot(`
      "Keystore keystores/a.json is invalid: not valid JSON.

      Keystores are Web3 Secret Storage v3 JSON files (as written by geth, ethers or cast)."
    `)
  })

  it("WalletInvalidMnemonicError", () => {
    const error = new WalletInvalidMnemonicError({
      source: "mnemonic",
      reason: "the phrase is not a valid BIP-39 mnemonic",
    })
    expect(error.code).toBe("WALLET_INVALID_MNEMONIC")
    expect(error.message).toMatchInlineSnapshot(`
      "Invalid mnemonic source: the phrase is not a valid BIP-39 mnemonic.

      Give a BIP-39 phrase in TESTNET_MNEMONIC (or the source's \`phrase\`) and a path like m/44'/60'/0'/0."
    `)
  })

  it("WalletFileAccessError", () => {
    const cause = Object.assign(new Error("no such file"), { code: "ENOENT" })
    const error = new WalletFileAccessError({ path: "keys.txt", operation: "read", cause })
    expect([error.code, error.path, error.cause]).toEqual(["WALLET_FILE_ACCESS", "keys.txt", cause])
    expect(error.message).toMatchInlineSnapshot(`"Could not read keys.txt (ENOENT)."`)
  })

  it("WalletFileExistsError", () => {
    const error = new WalletFileExistsError({ file: `keystores/${first}.json` })
    expect(error.code).toBe("WALLET_FILE_EXISTS")
    expect(error.message).toMatchInlineSnapshot(`
      "Refusing to overwrite keystores/0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266.json: it already exists.

      Keystores are never overwritten; write to another directory or move the file away."
    `)
  })

  it("are framework errors", () => {
    expect(BaseError.isInstance(new WalletNotFoundError({ index: 0, total: 0 }))).toBe(true)
  })
})
