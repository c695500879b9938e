// End-to-end check of the promise "keys and passwords never reach a string": runs the public
// API over wallets from every source kind, renders everything a user or a log could see, and
// searches the result for every private key (with or without 0x, any case) and the password.
import { readdir, readFile, writeFile } from "node:fs/promises"
import { join } from "node:path"
import { Writable } from "node:stream"
import { inspect } from "node:util"
import { Wallet as EthersWallet, keccak256, toUtf8Bytes } from "ethers"
import pino from "pino"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { anvilAccounts, lightScrypt, temporaryDirectory } from "../testing/wallet/testFixtures.js"
import { exportAddressesCsv, generateKeystores, importKeys, listKeystoreAddresses } from "./keystoreTool.js"
import { loadWallets } from "./loadWallets.js"
import { readPassword } from "./password.js"
import { createWalletPool } from "./pool.js"
import { clearKeystoreCache } from "./sources/keystore.js"
import type { WalletSource } from "./sources/types.js"
import { exportPrivateKey, type Wallet } from "./wallet.js"

const password = `pw-${EthersWallet.createRandom().address.slice(2, 14)}`
const phrase = EthersWallet.createRandom().mnemonic!.phrase
const keystoreKeys = [
  ...anvilAccounts(2).map((account) => account.privateKey),
  EthersWallet.createRandom().privateKey,
]
const fileKey = EthersWallet.createRandom().privateKey
const environmentKey = EthersWallet.createRandom().privateKey

let directory: { path: string; remove(): Promise<void> }
let sources: WalletSource[]
let wallets: Wallet[]
const rendered: string[] = []
const secretKeys: string[] = []

function bufferSink(): { stream: Writable; text(): string } {
  let text = ""
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      text += String(chunk)
      callback()
    },
  })
  return { stream, text: () => text }
}

function render(label: string, value: unknown) {
  rendered.push(
    `${label}:`,
    String(value),
    inspect(value, { showHidden: true, depth: Number.POSITIVE_INFINITY, getters: true }),
    JSON.stringify(value, (_key, item) => (typeof item === "bigint" ? item.toString() : item)) ?? "",
  )
}

beforeAll(async () => {
  clearKeystoreCache()
  directory = await temporaryDirectory()
  const keystores = join(directory.path, "keystores")
  await importKeys({ keys: keystoreKeys, directory: keystores, password, scrypt: lightScrypt })
  const generated = (
    await generateKeystores({ directory: keystores, count: 2, password, scrypt: lightScrypt })
  ).unwrap()
  render("generated", generated)
  const keysFile = join(directory.path, "keys.txt")
  await writeFile(keysFile, `# test\n${fileKey}\n`)
  sources = [
    { kind: "keystore", path: keystores },
    { kind: "keys-file", path: keysFile },
    { kind: "mnemonic", phrase, count: 2 },
    { kind: "environment", variable: "SWEEP_KEYS" },
  ]
  wallets = (await loadWallets(sources, { password, environment: { SWEEP_KEYS: environmentKey } })).unwrap()
  for (const wallet of wallets) secretKeys.push(exportPrivateKey(wallet).slice(2).toLowerCase())
  // Keystore files are on disk in plain view: they must hold only ciphertext.
  for (const name of await readdir(keystores)) rendered.push(await readFile(join(keystores, name), "utf8"))
})
afterAll(async () => {
  await directory.remove()
})

describe("no secret in any string the wallet API produces", () => {
  it("covers every loaded wallet", () => {
    expect(wallets).toHaveLength(3 + 2 + 1 + 2 + 1)
    expect(secretKeys).toContain(fileKey.slice(2))
    expect(secretKeys).toContain(environmentKey.slice(2))
  })

  it("renders wallets, signatures, leases, pools, listings and logs without secrets", async () => {
    render("wallets", wallets)
    for (const wallet of wallets) {
      render("wallet", wallet)
      rendered.push(`${wallet}`, `template ${wallet} end`, Object.getOwnPropertyNames(wallet).join(","))
      const serialized = wallet.signTransaction({
        chainId: 31337n,
        nonce: 0,
        gasLimit: 21_000n,
        gasPrice: 1n,
        to: wallet.address,
      })
      rendered.push(serialized)
      render("signature", wallet.signDigest(keccak256(toUtf8Bytes("sweep"))))
    }
    const pool = createWalletPool(wallets, { cooldownMs: 5 })
    const lease = pool.lease()!
    render("lease", lease)
    render("pool", pool)
    lease.release()
    const listed = (await listKeystoreAddresses(join(directory.path, "keystores"))).unwrap()
    render("listed", listed)
    rendered.push(exportAddressesCsv(wallets))

    const sink = bufferSink()
    const logger = pino({ level: "trace" }, sink.stream)
    logger.info({ wallet: wallets[0], wallets, lease }, "leased %s", wallets[0])
    logger.info(`wallet ${wallets[1]}`)
    rendered.push(sink.text())
    expect(sink.text()).toContain(wallets[0]!.address)
  })

  it("renders every error path without secrets", async () => {
    const environment = { SWEEP_KEYS: environmentKey }
    const errors: unknown[] = []
    const push = async (promise: Promise<{ isErr(): boolean; error?: unknown }>) => {
      const result = await promise
      expect(result.isErr(), `error case #${errors.length + 1}`).toBe(true)
      errors.push(result.error)
    }
    const keystores = join(directory.path, "keystores")
    clearKeystoreCache()
    await push(loadWallets(sources, { password: `${password}-wrong`, environment }))
    await push(loadWallets(sources, { environment: {} }))
    const broken = join(directory.path, "broken.json")
    await writeFile(
      broken,
      (await readFile(join(keystores, (await readdir(keystores))[0]!), "utf8")).slice(0, -20),
    )
    await push(loadWallets([{ kind: "keystore", path: broken }], { password }))
    const badFile = join(directory.path, "bad.txt")
    // A key with one bad character, then a truncated key: neither the key nor its remains may show.
    await writeFile(badFile, `${fileKey.slice(0, -1)}g\n`)
    await push(loadWallets([{ kind: "keys-file", path: badFile }]))
    await writeFile(badFile, `${fileKey.slice(0, -2)}\n`)
    await push(loadWallets([{ kind: "keys-file", path: badFile }]))
    await push(
      loadWallets([{ kind: "environment", variable: "SWEEP_KEYS" }], {
        environment: { SWEEP_KEYS: `${environmentKey},${environmentKey.toUpperCase()}` },
      }),
    )
    await push(loadWallets([{ kind: "mnemonic", phrase: `${phrase} extra`, count: 1 }]))
    await push(loadWallets([{ kind: "mnemonic", phrase, path: "m/bad", count: 1 }]))
    await push(loadWallets([{ kind: "environment", variable: "SWEEP_KEYS" }], { environment, count: 3 }))
    await push(importKeys({ keys: [keystoreKeys[0]!], directory: keystores, password, scrypt: lightScrypt }))
    await push(importKeys({ keys: [`${fileKey}00`], directory: keystores, password, scrypt: lightScrypt }))
    await push(
      readPassword({ environment: {}, input: Object.assign(new Writable(), { isTTY: false }) as never }),
    )
    expect(errors).toHaveLength(12)
    const codes = new Set(errors.map((error) => (error as { code: string }).code))
    expect(codes.size).toBeGreaterThanOrEqual(8)
    const sink = bufferSink()
    const logger = pino({}, sink.stream)
    for (const error of errors) {
      render("error", error)
      rendered.push((error as Error).stack ?? "")
      logger.error({ err: error }, "load failed")
    }
    rendered.push(sink.text())
    // The truncated and mangled keys of the bad-key cases must not show either.
    secretKeys.push(fileKey.slice(2, -2), fileKey.slice(2, -1))
  })

  it("finds neither key nor password nor phrase in anything rendered", () => {
    const haystack = rendered.join("\n")
    expect(haystack.length).toBeGreaterThan(10_000)
    const lower = haystack.toLowerCase()
    for (const key of secretKeys) expect(lower.includes(key), `a private key leaked`).toBe(false)
    expect(haystack.includes(password), "the password leaked").toBe(false)
    expect(haystack.includes(phrase), "the mnemonic leaked").toBe(false)
    // Sanity: the sweep would catch a leak.
    expect(
      `${haystack}${exportPrivateKey(wallets[0]!).toUpperCase()}`.toLowerCase().includes(secretKeys[0]!),
    ).toBe(true)
  })
})
