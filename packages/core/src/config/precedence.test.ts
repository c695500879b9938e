import { mkdtemp, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { configDefaults } from "./defaults.js"
import { loadConfig } from "./load.js"
import { defineConfig, parseConfig } from "./parse.js"
import type { Config } from "./types.js"

let directory = ""
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "testnet-config-precedence-"))
})
afterAll(async () => {
  await rm(directory, { recursive: true, force: true })
})

async function load(parameters: { toml?: string; environment?: Record<string, string>; flags?: object }) {
  let file: string | undefined
  if (parameters.toml !== undefined) {
    file = join(directory, `config-${Math.random().toString(36).slice(2)}.toml`)
    await writeFile(file, parameters.toml)
  }
  const result = await loadConfig({
    ...(file === undefined ? {} : { file }),
    environment: parameters.environment ?? {},
    ...(parameters.flags === undefined ? {} : { flags: parameters.flags }),
  })
  if (result.isErr()) throw result.error
  return result.value
}

const fileText = `
target_tps = 20
workers = 3
rpc_urls = ["http://127.0.0.1:8545", "http://127.0.0.1:8546"]

[task_weights]
transfer = 5
deploy = 1

[gas]
base_fee_multiplier = 3
priority_fee_multiplier = 1.5
`

describe("config precedence: flags > environment > file > defaults", () => {
  it("uses the defaults when nothing else is given", async () => {
    const config = await load({})
    expect(config.targetTps).toBe(configDefaults.targetTps)
    expect(config.taskTimeoutMs).toBe(180_000)
    expect(config.leaseCooldownMs).toBe(0)
    expect(config.blockTimeSeconds).toBe(1)
    expect(config.gas.replacementBumpPercent).toBe(10)
    expect(config.rpcUrls).toEqual([])
    expect(config.database).toBe("./data/{chain}.db")
  })

  it("lets the file override defaults, merging tables key by key", async () => {
    const config = await load({ toml: fileText })
    expect(config.targetTps).toBe(20)
    expect(config.workers).toBe(3)
    expect(config.gas.baseFeeMultiplier).toBe(3)
    expect(config.gas.replacementBumpPercent).toBe(10)
    expect(config.taskWeights).toEqual({ transfer: 5, deploy: 1 })
  })

  it("lets the environment override the file", async () => {
    const config = await load({
      toml: fileText,
      environment: {
        TESTNET_TARGET_TPS: "30",
        TESTNET_GAS_BASE_FEE_MULTIPLIER: "4",
        TESTNET_RPC_URLS: "ws://127.0.0.1:9000",
        TESTNET_TASK_WEIGHTS: "mint=2",
        TESTNET_PROXIES_DIRECT_FALLBACK: "yes",
        TESTNET_GAS_MAX_FEE_PER_GAS: "50 gwei",
        TESTNET_WORKERS: "",
      },
    })
    expect(config.targetTps).toBe(30)
    expect(config.workers).toBe(3) // an empty variable is unset
    expect(config.gas.baseFeeMultiplier).toBe(4)
    expect(config.gas.priorityFeeMultiplier).toBe(1.5)
    expect(config.gas.maxFeePerGas).toBe(50_000_000_000n)
    expect(config.rpcUrls).toEqual(["ws://127.0.0.1:9000"]) // lists are replaced, not appended
    expect(config.taskWeights).toEqual({ mint: 2 }) // weights are one distribution
    expect(config.proxies.directFallback).toBe(true)
  })

  it("lets flags override the environment and the file", async () => {
    const config = await load({
      toml: fileText,
      environment: { TESTNET_TARGET_TPS: "30", TESTNET_GAS_BASE_FEE_MULTIPLIER: "4" },
      flags: { targetTps: 40, workers: undefined, gas: { baseFeeMultiplier: 5 } },
    })
    expect(config.targetTps).toBe(40)
    expect(config.workers).toBe(3) // undefined flags do not override
    expect(config.gas.baseFeeMultiplier).toBe(5)
    expect(config.gas.priorityFeeMultiplier).toBe(1.5)
  })

  it("takes the funder key and the mnemonic from the environment, the file's phrase first", async () => {
    const key = `0x${"12".repeat(32)}`
    const phrase = "test test test test test test test test test test test junk"
    const config = await load({
      toml: `[[wallets.sources]]\nkind = "mnemonic"\ncount = 2\n\n[[wallets.sources]]\nkind = "mnemonic"\ncount = 1\nphrase = "${"abandon ".repeat(11)}about"\n`,
      environment: { TESTNET_FUNDER_KEY: key, TESTNET_MNEMONIC: phrase },
    })
    expect(config.funder?.key).toBe(key)
    expect(config.wallets.sources[0]).toEqual({ kind: "mnemonic", count: 2, phrase })
    expect(config.wallets.sources[1]).toMatchObject({ phrase: `${"abandon ".repeat(11)}about` })
  })

  it("returns a deeply frozen config", async () => {
    const config = await load({ toml: fileText })
    expect(Object.isFrozen(config)).toBe(true)
    expect(Object.isFrozen(config.gas)).toBe(true)
    expect(Object.isFrozen(config.rpcUrls)).toBe(true)
    expect(Object.isFrozen(config.taskWeights)).toBe(true)
    expect(() => {
      ;(config as { targetTps: number }).targetTps = 1
    }).toThrow(TypeError)
  })

  it("leaves the caller's input unfrozen", () => {
    const input = {
      rpcUrls: ["http://127.0.0.1:8545"],
      taskWeights: { transfer: 1 },
      gas: { baseFeeMultiplier: 2 },
    }
    expect(Object.isFrozen(parseConfig(input).unwrap().gas)).toBe(true)
    expect(
      Object.isFrozen(input.rpcUrls) || Object.isFrozen(input.taskWeights) || Object.isFrozen(input.gas),
    ).toBe(false)
  })
})

describe("defineConfig", () => {
  it("gives the same config as the equivalent TOML file", async () => {
    const declared = defineConfig({
      rpcUrls: ["https://rpc.example.org"],
      chainId: 42431,
      targetTps: 12.5,
      wallets: { count: 4, sources: [{ kind: "keystore", path: "./keystores" }] },
      minDelayMs: 10,
      maxDelayMs: 20,
      taskWeights: { transfer_with_memo: 3 },
      proxies: { urls: ["socks5://127.0.0.1:1080"], mode: "rotate" },
      funder: { address: "0x52908400098527886e0f7030069857d2e4169ee7" },
      gas: { maxFeePerGas: "2 gwei", minPriorityFee: 1000 },
    })
    const fromObject = parseConfig(declared)
    const fromFile = await load({
      toml: `
rpc_urls = ["https://rpc.example.org"]
chain_id = 42431
target_tps = 12.5
min_delay_ms = 10
max_delay_ms = 20
wallets = { count = 4, sources = [{ kind = "keystore", path = "./keystores" }] }
task_weights = { transfer_with_memo = 3 }
proxies = { urls = ["socks5://127.0.0.1:1080"], mode = "rotate" }
funder.address = "0x52908400098527886e0f7030069857d2e4169ee7"
gas.max_fee_per_gas = "2 gwei"
gas.min_priority_fee = 1000
`,
    })
    expect(fromObject.isOk()).toBe(true)
    const config = fromObject.unwrap() satisfies Config
    expect(config).toEqual(fromFile)
    expect(config.funder?.address).toBe("0x52908400098527886E0F7030069857D2E4169EE7")
    expect(config.gas.maxFeePerGas).toBe(2_000_000_000n)
  })
})
