import { mkdir, utimes, writeFile } from "node:fs/promises"
import { join } from "node:path"
import { Wallet as EthersWallet, HDNodeWallet } from "ethers"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { anvilAccounts, lightScrypt, temporaryDirectory } from "../testing/wallet/testFixtures.js"
import { importKeys } from "./keystoreTool.js"
import { getWallet, loadWallets, needsPassword } from "./loadWallets.js"
import { clearKeystoreCache } from "./sources/keystore.js"
import type { WalletSource } from "./sources/types.js"

const password = "load-wallets-password"
const accounts = anvilAccounts(5)
const phrase = EthersWallet.createRandom().mnemonic!.phrase
let directory: { path: string; remove(): Promise<void> }
let keystores: string
let keysFile: string

beforeAll(async () => {
  directory = await temporaryDirectory()
  keystores = join(directory.path, "keystores")
  await importKeys({
    keys: [accounts[0]!.privateKey, accounts[1]!.privateKey],
    directory: keystores,
    password,
    scrypt: lightScrypt,
  })
  keysFile = join(directory.path, "keys.txt")
  await writeFile(keysFile, `# one key\n${accounts[2]!.privateKey}\n`)
})
afterAll(async () => {
  await directory.remove()
})
beforeEach(() => {
  clearKeystoreCache()
})

function allSources(): WalletSource[] {
  return [
    { kind: "keystore", path: keystores },
    { kind: "keys-file", path: keysFile },
    { kind: "mnemonic", phrase, count: 2 },
    { kind: "environment", variable: "MY_KEYS" },
  ]
}
const environment = { MY_KEYS: `${accounts[3]!.privateKey},${accounts[4]!.privateKey}` }

describe("loadWallets", () => {
  it("loads every source kind in order, reporting progress over the slow steps", async () => {
    const progress: string[] = []
    const wallets = (
      await loadWallets(allSources(), {
        password,
        environment,
        onProgress: (done, total) => progress.push(`${done}/${total}`),
      })
    ).unwrap()
    const parent = HDNodeWallet.fromPhrase(phrase, undefined, "m/44'/60'/0'/0")
    expect(wallets.map((wallet) => wallet.address)).toEqual([
      // A directory's keystores come in file-name order (the files are named by address).
      ...[accounts[0]!.address, accounts[1]!.address].sort(),
      accounts[2]!.address,
      parent.deriveChild(0).address,
      parent.deriveChild(1).address,
      accounts[3]!.address,
      accounts[4]!.address,
    ])
    expect(wallets).toHaveLength(7)
    // Mnemonic wallets are derived before the keystores are decrypted (cheap sources first).
    expect(progress).toEqual(["1/4", "2/4", "3/4", "4/4"])
    expect(needsPassword(allSources())).toBe(true)
    expect(needsPassword(allSources().slice(1))).toBe(false)
  })

  it("takes the password from TESTNET_WALLET_PASSWORD and requires one for keystores", async () => {
    const sources: WalletSource[] = [{ kind: "keystore", path: keystores }]
    expect(
      (await loadWallets(sources, { environment: { TESTNET_WALLET_PASSWORD: password } })).unwrap(),
    ).toHaveLength(2)
    const missing = await loadWallets(sources, { environment: {} })
    expect(missing.unwrapErr().code).toBe("WALLET_PASSWORD_REQUIRED")
    // Sources without keystores need no password.
    expect(
      (await loadWallets([{ kind: "keys-file", path: keysFile }], { environment: {} })).unwrap(),
    ).toHaveLength(1)
  })

  it("decrypts each keystore once per process and again when the file changes", async () => {
    const sources: WalletSource[] = [{ kind: "keystore", path: keystores }]
    const first = (await loadWallets(sources, { password })).unwrap()
    const second = (await loadWallets(sources, { password })).unwrap()
    expect(second[0]).toBe(first[0])
    // The cache does not bypass the password check.
    expect((await loadWallets(sources, { password: "wrong" })).unwrapErr().code).toBe(
      "WALLET_DECRYPTION_FAILED",
    )
    const file = join(keystores, `${first[0]!.address}.json`)
    await utimes(file, new Date(), new Date(Date.now() + 5_000))
    const third = (await loadWallets(sources, { password })).unwrap()
    expect(third[0]).not.toBe(first[0])
    expect(third[0]!.address).toBe(first[0]!.address)
    expect(third[1]).toBe(first[1])
  })

  it("shares one decryption between concurrent loads", async () => {
    const sources: WalletSource[] = [{ kind: "keystore", path: keystores }]
    const [left, right] = await Promise.all([
      loadWallets(sources, { password }),
      loadWallets(sources, { password }),
    ])
    expect(left.unwrap()[0]).toBe(right.unwrap()[0])
    expect(left.unwrap()[1]).toBe(right.unwrap()[1])
  })

  it("limits to `count` wallets, and fails when fewer are available", async () => {
    const sources: WalletSource[] = [
      { kind: "keys-file", path: keysFile },
      { kind: "environment", variable: "MY_KEYS" },
    ]
    expect((await loadWallets(sources, { environment, count: 2 })).unwrap()).toHaveLength(2)
    const tooMany = await loadWallets(sources, { environment, count: 5 })
    expect(tooMany.unwrapErr().message).toContain("Wallet #4 not found: only 3 wallet(s) are loaded.")
    const wallets = (await loadWallets(sources, { environment })).unwrap()
    expect(getWallet(wallets, 2).unwrap()).toBe(wallets[2])
    expect(getWallet(wallets, 3).unwrapErr().code).toBe("WALLET_NOT_FOUND")
  })
})

describe("loadWallets on bad input returns one error naming the place, and no wallet", () => {
  async function expectError(sources: WalletSource[], code: string, mentions: string, options = {}) {
    const result = await loadWallets(sources, { password, environment, ...options })
    expect(result.isErr()).toBe(true)
    const error = result.unwrapErr()
    expect(error.code).toBe(code)
    expect(error.message).toContain(mentions)
  }

  it("wrong password", async () => {
    await expectError(allSources(), "WALLET_DECRYPTION_FAILED", keystores, { password: "nope" })
  })

  it("corrupted keystore JSON, even next to good files", async () => {
    const broken = join(directory.path, "broken")
    await importKeys({ keys: [accounts[3]!.privateKey], directory: broken, password, scrypt: lightScrypt })
    await writeFile(join(broken, "zz-broken.json"), '{"version":3,')
    await expectError(
      [{ kind: "keystore", path: broken }],
      "WALLET_KEYSTORE_INVALID",
      "zz-broken.json is invalid: not valid JSON",
    )
  })

  it("non-hex key and wrong key length", async () => {
    const bad = join(directory.path, "bad-keys.txt")
    await writeFile(bad, `${accounts[0]!.privateKey}\n0xnothex\n`)
    await expectError([{ kind: "keys-file", path: bad }], "WALLET_INVALID_KEY_FORMAT", "bad-keys.txt:2")
    await expectError(
      [{ kind: "environment", variable: "SHORT" }],
      "WALLET_INVALID_KEY_LENGTH",
      "SHORT entry #1",
      {
        environment: { SHORT: accounts[0]!.privateKey.slice(0, 40) },
      },
    )
  })

  it("a bad key is reported before any keystore is decrypted", async () => {
    const bad = join(directory.path, "bad-first.txt")
    await writeFile(bad, "0x1234\n")
    const progress: number[] = []
    const result = await loadWallets(
      [
        { kind: "keystore", path: keystores },
        { kind: "keys-file", path: bad },
      ],
      { password: "wrong", onProgress: (done) => progress.push(done) },
    )
    expect(result.unwrapErr().code).toBe("WALLET_INVALID_KEY_LENGTH")
    expect(progress).toEqual([])
  })

  it("duplicate addresses across sources, naming both", async () => {
    const sources: WalletSource[] = [
      { kind: "keystore", path: keystores },
      { kind: "environment", variable: "DUPLICATE" },
    ]
    const duplicate = accounts[1]!
    const result = await loadWallets(sources, { password, environment: { DUPLICATE: duplicate.privateKey } })
    const message = result.unwrapErr().message
    expect(message).toContain(`Wallet ${duplicate.address} is loaded twice`)
    expect(message).toContain(`${duplicate.address}.json`)
    expect(message).toContain("DUPLICATE entry #1")
  })

  it("empty directory, empty keys file, missing path", async () => {
    const empty = join(directory.path, "empty")
    await mkdir(empty)
    await expectError(
      [{ kind: "keystore", path: empty }],
      "WALLET_EMPTY_SOURCE",
      `keystore directory ${empty}`,
    )
    const comments = join(directory.path, "comments.txt")
    await writeFile(comments, "# nothing here\n")
    await expectError([{ kind: "keys-file", path: comments }], "WALLET_EMPTY_SOURCE", comments)
    await expectError(
      [{ kind: "keystore", path: join(directory.path, "absent") }],
      "WALLET_FILE_ACCESS",
      "absent",
    )
  })
})
