import { mkdtemp, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { inspect } from "node:util"
import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { BaseError } from "../errors/base.js"
import { isSecretKeyPath } from "../redaction/configValue.js"
import { redactSecretText } from "../redaction/redactSecretText.js"
import { loadConfig } from "./load.js"
import { parseConfig } from "./parse.js"
import { redactConfig } from "./redact.js"
import { configToToml, parseConfigToml } from "./toml.js"

const funderKey = `0x${"5eed".repeat(16)}`
const mnemonic = "legal winner thank year wave sausage worth useful legal winner thank yellow"
const proxyPassword = "Pr0xyPassw0rd"
const secrets = [funderKey.slice(2), "legal winner thank", proxyPassword, "dbSecret", "apiKeySecret"]

function expectNoSecret(text: string) {
  for (const secret of secrets) expect(text).not.toContain(secret)
}

function everyRendering(error: BaseError): string {
  return [
    error.message,
    error.shortMessage,
    String(error),
    JSON.stringify(error),
    inspect(error, { depth: 5 }),
  ].join("\n")
}

let directory = ""
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "testnet-config-redact-"))
})
afterAll(async () => {
  await rm(directory, { recursive: true, force: true })
})

describe("secrets never appear in config errors", () => {
  const badFiles = [
    `[funder]\nkey = "${funderKey}0"\n`, // one digit too many
    `[funder]\nkey = "${funderKey}\n`, // syntax error on the secret's line
    `[[wallets.sources]]\nkind = "mnemonic"\ncount = 1\nphrase = "${mnemonic} extra"\n`,
    `[[wallets.sources]]\nkind = "mnemonic"\ncount = 0\nphrase = "${mnemonic}"\n`,
    `[proxies]\nurls = ["socks5://alice:${proxyPassword}@127.0.0.1:99999"]\n`,
    `[proxies]\nurls = ["socks9://alice:${proxyPassword}@127.0.0.1:1080"]\n`,
    `private_kee = "${funderKey}"\n`,
    `database = 7\nrpc_urls = ["ftp://user:dbSecret@127.0.0.1/?apikey=apiKeySecret"]\n`,
  ]

  it.each(badFiles.map((text, index) => ({ text, index })))("bad file #$index", async ({ text }) => {
    const file = join(directory, `secret-${Math.random().toString(36).slice(2)}.toml`)
    await writeFile(file, text)
    const result = await loadConfig({ file, environment: {} })
    expect(result.isErr()).toBe(true)
    if (result.isErr()) expectNoSecret(everyRendering(result.error))
  })

  it("from the environment and from flags", async () => {
    const fromEnvironment = await loadConfig({ environment: { TESTNET_FUNDER_KEY: `${funderKey}ff` } })
    const fromMnemonic = await loadConfig({
      environment: { TESTNET_MNEMONIC: `${mnemonic} extra` },
      flags: { wallets: { sources: [{ kind: "mnemonic", count: 1 }] } },
    })
    const fromFlags = parseConfig({ proxies: { urls: [`http://bob:${proxyPassword}@[::1`] } })
    for (const result of [fromEnvironment, fromMnemonic, fromFlags]) {
      expect(result.isErr()).toBe(true)
      if (result.isErr()) expectNoSecret(everyRendering(result.error))
    }
    expect(fromMnemonic.isErr() && fromMnemonic.error.message).toContain("(from TESTNET_MNEMONIC)")
  })
})

describe("secrets never appear in config errors, for any secret", () => {
  // Long enough not to occur in a message by chance; never a valid key (so validation fails).
  const secret = fc.stringMatching(/^[A-Za-z0-9]{16,40}$/)

  it("funder keys, mnemonic phrases and proxy passwords", async () => {
    await fc.assert(
      fc.asyncProperty(secret, fc.array(secret, { minLength: 3, maxLength: 11 }), async (text, words) => {
        const phrase = words.join(" ").toLowerCase()
        const results = [
          await loadConfig({ environment: { TESTNET_FUNDER_KEY: `0x${text}` } }),
          parseConfig({ wallets: { count: 1, sources: [{ kind: "mnemonic", phrase, count: 1 }] } }),
          parseConfig({ proxies: { urls: [`socks5://user:${text}@127.0.0.1:0x`] } }),
          parseConfig({ rpcUrls: [`ftp://user:${text}@127.0.0.1:1`] }),
        ]
        for (const result of results) {
          expect(result.isErr()).toBe(true)
          if (!result.isErr()) continue
          const error = result.error
          const rendered = `${error.message}\n${JSON.stringify(error)}\n${"value" in error ? error.value : ""}`
          expect(rendered).not.toContain(text)
          expect(rendered).not.toContain(phrase)
        }
      }),
      // Each case builds and renders errors (a few ms each); 40 runs keep the file fast.
      { numRuns: 40 },
    )
  })
})

describe("redactConfig", () => {
  const config = parseConfig({
    rpcUrls: ["https://user:dbSecret@rpc.example.org/v1?apikey=apiKeySecret&chain=1"],
    database: "postgres://runner:dbSecret@127.0.0.1:5432/testnet",
    funder: { key: funderKey },
    wallets: { count: 2, sources: [{ kind: "mnemonic", phrase: mnemonic, count: 2 }] },
    proxies: { urls: [`socks5://alice:${proxyPassword}@127.0.0.1:1080`] },
  }).unwrap()

  it("removes every secret from the config and its TOML", () => {
    const redacted = redactConfig(config)
    const rendered = JSON.stringify(redacted, (_key, value) =>
      typeof value === "bigint" ? value.toString() : value,
    )
    expectNoSecret(rendered)
    expectNoSecret(configToToml(redacted))
    expectNoSecret(inspect(redacted, { depth: 10 }))
    expect(redacted.funder?.key).toBe("[redacted]")
    expect(redacted.proxies.urls[0]).toBe("socks5://***:***@127.0.0.1:1080")
    expect(redacted.rpcUrls[0]).toBe("https://***:***@rpc.example.org/v1?apikey=***&chain=***")
    expect(redacted.database).toBe("postgres://***:***@127.0.0.1:5432/testnet")
    expect(redacted.wallets.sources[0]).toEqual({ kind: "mnemonic", phrase: "[redacted]", count: 2 })
    expect(Object.isFrozen(redacted.proxies)).toBe(true)
  })

  it("masks API keys in RPC URL paths", () => {
    const infuraKey = "0123456789abcdef0123456789abcdef"
    const withKey = parseConfig({ rpcUrls: [`https://mainnet.infura.io/v3/${infuraKey}`] }).unwrap()
    expect(redactConfig(withKey).rpcUrls).toEqual(["https://mainnet.infura.io/v3/***"])
  })

  it("leaves the original config untouched and keeps the rest", () => {
    const redacted = redactConfig(config)
    expect(config.funder?.key).toBe(funderKey)
    expect(redacted.targetTps).toBe(config.targetTps)
    expect(redacted.gas).toEqual(config.gas)
    // A redacted snapshot is still readable TOML (secrets are just placeholders).
    const text = configToToml(redactConfig(parseConfig({ targetTps: 7 }).unwrap()))
    expect(parseConfigToml(text).unwrap().targetTps).toBe(7)
  })
})

describe("secret detection", () => {
  it("knows the secret key names in both spellings", () => {
    for (const path of [
      "funder.key",
      "funder.key.anything",
      "privateKey",
      "a.private_key",
      "password",
      "mnemonic",
    ]) {
      expect(isSecretKeyPath(path)).toBe(true)
    }
    expect(isSecretKeyPath("wallets.sources[2].phrase")).toBe(true)
    expect(isSecretKeyPath("keys")).toBe(false)
    expect(isSecretKeyPath("funder.address")).toBe(false)
  })

  it("redacts secrets hidden in plain text", () => {
    expect(redactSecretText(`key ${funderKey}`)).toBe("key [redacted]")
    expect(redactSecretText(mnemonic)).toBe("[redacted]")
    expect(redactSecretText(`task_weights."${mnemonic}"`)).toBe('task_weights."[redacted]"')
    expect(redactSecretText("http://127.0.0.1:8545")).toBe("http://127.0.0.1:8545")
  })
})
