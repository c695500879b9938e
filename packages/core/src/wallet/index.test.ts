import { describe, expect, it } from "vitest"
import * as wallet from "./index.js"

describe("wallet barrel", () => {
  it("exports these runtime names", () => {
    expect(Object.keys(wallet).sort()).toMatchInlineSnapshot(`
      [
        "WalletAddressMismatchError",
        "WalletDecryptionFailedError",
        "WalletDuplicateAddressError",
        "WalletEmptySourceError",
        "WalletFileAccessError",
        "WalletFileExistsError",
        "WalletInvalidKeyFormatError",
        "WalletInvalidKeyLengthError",
        "WalletInvalidMnemonicError",
        "WalletKeystoreInvalidError",
        "WalletNotFoundError",
        "WalletPasswordRequiredError",
        "clearKeystoreCache",
        "createWallet",
        "createWalletPool",
        "decryptKeystore",
        "defaultDerivationPath",
        "defaultScryptParameters",
        "encryptKeystore",
        "exportAddressesCsv",
        "exportPrivateKey",
        "generateKeystores",
        "getWallet",
        "importKeys",
        "isWallet",
        "listKeystoreAddresses",
        "loadWallets",
        "mnemonicVariable",
        "needsPassword",
        "passwordVariable",
        "readPassword",
      ]
    `)
  })
})
