import { writeFile } from "node:fs/promises"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import {
  anvilAccounts,
  anvilFirstAddress,
  anvilMnemonic,
  temporaryDirectory,
} from "../../testing/wallet/testFixtures.js"
import { loadEnvironmentKeys } from "./environment.js"
import { isKeystoreFileName } from "./keystore.js"
import { deriveMnemonicWallets } from "./mnemonic.js"
import { loadKeysFile, parseKeysText } from "./rawKeys.js"

const accounts = anvilAccounts(3)
const addresses = accounts.map((account) => account.address)

describe("keys file", () => {
  it("reads one key per line, skipping comments and blank lines, and names origins by line", () => {
    const text = `# dev keys\n\n${accounts[0]!.privateKey}  # first\r\n${accounts[1]!.privateKey.slice(2).toUpperCase()}\n\n`
    const loaded = parseKeysText(text, "keys.txt").unwrap()
    expect(loaded.map((entry) => entry.wallet.address)).toEqual(addresses.slice(0, 2))
    expect(loaded.map((entry) => entry.origin)).toEqual(["keys.txt:3", "keys.txt:4"])
  })

  it("names the line of a bad key, and calls a file of comments empty", () => {
    const text = `${accounts[0]!.privateKey}\n\nnot-a-key\n`
    expect(parseKeysText(text, "keys.txt").unwrapErr().message).toMatch(
      /^Invalid private key at keys.txt:3: not hexadecimal\./,
    )
    expect(parseKeysText(`${accounts[0]!.privateKey}00\n`, "k.txt").unwrapErr().code).toBe(
      "WALLET_INVALID_KEY_LENGTH",
    )
    expect(parseKeysText("# nothing\n\n", "k.txt").unwrapErr().code).toBe("WALLET_EMPTY_SOURCE")
  })

  it("reads from disk and reports a missing file", async () => {
    const directory = await temporaryDirectory()
    try {
      const file = join(directory.path, "keys.txt")
      await writeFile(file, `${accounts[2]!.privateKey}\n`)
      expect((await loadKeysFile(file)).unwrap()[0]!.wallet.address).toBe(addresses[2])
      expect((await loadKeysFile(join(directory.path, "none.txt"))).unwrapErr().message).toContain("(ENOENT)")
    } finally {
      await directory.remove()
    }
  })
})

describe("environment keys", () => {
  it("splits on commas, newlines and spaces", () => {
    const value = `${accounts[0]!.privateKey}, ${accounts[1]!.privateKey}\n${accounts[2]!.privateKey},`
    const loaded = loadEnvironmentKeys("TESTNET_KEYS", { TESTNET_KEYS: value }).unwrap()
    expect(loaded.map((entry) => entry.wallet.address)).toEqual(addresses)
    expect(loaded[1]!.origin).toBe("TESTNET_KEYS entry #2")
  })

  it("names the entry of a bad key and reports an unset variable as empty", () => {
    const bad = loadEnvironmentKeys("TESTNET_KEYS", { TESTNET_KEYS: `${accounts[0]!.privateKey},0xabc` })
    expect(bad.unwrapErr().message).toContain("TESTNET_KEYS entry #2")
    expect(loadEnvironmentKeys("TESTNET_KEYS", {}).unwrapErr().message).toContain(
      "environment variable TESTNET_KEYS",
    )
  })
})

describe("mnemonic", () => {
  it("derives anvil's accounts from its mnemonic (phrase or TESTNET_MNEMONIC)", async () => {
    const derived: number[] = []
    const fromPhrase = (
      await deriveMnemonicWallets({ phrase: anvilMnemonic, count: 3 }, {}, () => derived.push(derived.length))
    ).unwrap()
    expect(derived).toEqual([0, 1, 2])
    expect(fromPhrase.map((entry) => entry.wallet.address)).toEqual(addresses)
    expect(fromPhrase[2]!.origin).toBe("mnemonic m/44'/60'/0'/0/2")
    const fromEnvironment = (
      await deriveMnemonicWallets({ count: 1 }, { TESTNET_MNEMONIC: `  ${anvilMnemonic}\n` })
    ).unwrap()
    expect(fromEnvironment[0]!.wallet.address).toBe(anvilFirstAddress)
  })

  it("honours another derivation path", async () => {
    const loaded = (
      await deriveMnemonicWallets({ phrase: anvilMnemonic, path: "m/44'/60'/1'/0/", count: 1 }, {})
    ).unwrap()
    expect(loaded[0]!.wallet.address).not.toBe(anvilFirstAddress)
    expect(loaded[0]!.origin).toBe("mnemonic m/44'/60'/1'/0/0")
  })

  it("rejects a missing or invalid phrase, a bad path and a zero count without quoting the phrase", async () => {
    expect((await deriveMnemonicWallets({ count: 1 }, {})).unwrapErr().message).toContain(
      "no phrase (set TESTNET_MNEMONIC)",
    )
    const invalid = await deriveMnemonicWallets(
      { phrase: "test test test test test test test test test test test test", count: 1 },
      {},
    )
    expect(invalid.unwrapErr().message).toContain("not a valid BIP-39 mnemonic")
    expect(invalid.unwrapErr().message).not.toContain("test test")
    const badPath = await deriveMnemonicWallets({ phrase: anvilMnemonic, path: "m/x", count: 1 }, {})
    expect(badPath.unwrapErr().message).toContain("invalid derivation path m/x")
    expect((await deriveMnemonicWallets({ phrase: anvilMnemonic, count: 0 }, {})).unwrapErr().code).toBe(
      "WALLET_EMPTY_SOURCE",
    )
  })
})

describe("isKeystoreFileName", () => {
  it("accepts *.json and geth's UTC-- files, skips hidden and temporary files", () => {
    expect(isKeystoreFileName("0xabc.json")).toBe(true)
    expect(isKeystoreFileName("UTC--2026-11-22T02-32-32.000Z--f39fd6e5")).toBe(true)
    expect(isKeystoreFileName(".abc.tmp")).toBe(false)
    expect(isKeystoreFileName(".hidden.json")).toBe(false)
    expect(isKeystoreFileName("notes.txt")).toBe(false)
  })
})
