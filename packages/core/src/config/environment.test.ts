import { readFile } from "node:fs/promises"
import { describe, expect, it } from "vitest"
import { configDefaults } from "./defaults.js"
import { configEnvironmentVariables, createEnvironmentLayer } from "./environment.js"
import { formatKeyPath, knownKeysAt } from "./keys.js"

describe("createEnvironmentLayer", () => {
  it("reads lists, numbers, booleans, weights and text", () => {
    const layer = createEnvironmentLayer({
      TESTNET_RPC_URLS: " http://127.0.0.1:8545 , ws://127.0.0.1:8546 ,",
      TESTNET_TARGET_TPS: "2.5",
      TESTNET_PROXIES_DIRECT_FALLBACK: "off",
      TESTNET_TASK_WEIGHTS: "transfer=5, deploy = 0.5",
      TESTNET_LOG_LEVEL: "debug",
      TESTNET_GAS_REPLACEMENT_BUMP_PERCENT: "12",
      TESTNET_WALLET_PASSWORD: "not a config key",
      HOME: "/root",
    }).unwrap()
    expect(layer.values).toEqual({
      rpcUrls: ["http://127.0.0.1:8545", "ws://127.0.0.1:8546"],
      targetTps: 2.5,
      proxies: { directFallback: false },
      taskWeights: { transfer: 5, deploy: 0.5 },
      logLevel: "debug",
      gas: { replacementBumpPercent: 12 },
    })
    expect(layer.sourceOf(["rpcUrls", 1])).toEqual({ kind: "environment", variable: "TESTNET_RPC_URLS" })
    expect(layer.sourceOf(["gas", "replacementBumpPercent"])).toEqual({
      kind: "environment",
      variable: "TESTNET_GAS_REPLACEMENT_BUMP_PERCENT",
    })
  })

  it("passes unreadable text through for validation to report", () => {
    const layer = createEnvironmentLayer({
      TESTNET_WORKERS: "lots",
      TESTNET_PROXIES_DIRECT_FALLBACK: "maybe",
    }).unwrap()
    expect(layer.values).toEqual({ workers: "lots", proxies: { directFallback: "maybe" } })
  })
})

describe("configuration reference", () => {
  it("covers every scalar config key from the environment, except wallet sources", () => {
    const fromEnvironment = new Set(configEnvironmentVariables.map((entry) => entry.keyPath))
    const tables = ["rpc", "wallets", "proxies", "funder", "gas"]
    const leaves = (knownKeysAt([]) ?? []).flatMap((key) =>
      tables.includes(key) ? (knownKeysAt([key]) ?? []).map((inner) => [key, inner]) : [[key]],
    )
    const missing = leaves
      .map((path) => formatKeyPath(path, "toml"))
      .filter((path) => !fromEnvironment.has(path))
    expect(missing).toEqual(["wallets.sources"])
  })

  it("documents every key, its environment variable and every default in docs/configuration.md", async () => {
    const docs = await readFile(new URL("../../../../docs/configuration.md", import.meta.url), "utf8")
    for (const { variable, keyPath } of configEnvironmentVariables) {
      expect(docs, variable).toContain(`\`${variable}\``)
      expect(docs, keyPath).toContain(`\`${keyPath}\``)
    }
    expect(docs).toContain("`TESTNET_MNEMONIC`")
    expect(docs).toContain(`\`${configDefaults.database}\``)
  })
})
