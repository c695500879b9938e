import { describe, expect, it } from "vitest"
import { prepareTempoArguments, tempoStartDefaults } from "./cliArguments.js"
import { getTempoNetwork, tempoNetworkNames, tempoNetworks } from "./networks.js"

describe("Tempo networks", () => {
  it("knows the four networks with their chain ids", () => {
    expect(
      Object.fromEntries(tempoNetworkNames().map((name) => [name, tempoNetworks[name].chainId])),
    ).toEqual({
      presto: 4217,
      moderato: 42431,
      devnet: 31318,
      localnet: 1337,
    })
    expect(getTempoNetwork("MODERATO")?.rpcUrls).toEqual(["https://rpc.moderato.tempo.xyz"])
    expect(getTempoNetwork("toString")).toBeUndefined()
  })
})

describe("prepareTempoArguments", () => {
  const defaults = [
    "--duration",
    String(tempoStartDefaults.durationSeconds),
    "--tps",
    String(tempoStartDefaults.targetTps),
    "--workers",
    String(tempoStartDefaults.workers),
    "--wallets",
    String(tempoStartDefaults.wallets),
  ]

  it("gives a bare start the embedded-devnet defaults, and drops pnpm's --", () => {
    expect(prepareTempoArguments(["start", "--"], {})).toEqual({
      ok: true,
      network: undefined,
      argv: ["start", ...defaults],
    })
  })

  it("keeps what flags, environment and config files set", () => {
    const prepared = prepareTempoArguments(["start", "-d", "5", "--tps=7"], { TESTNET_WORKERS: "3" })
    expect(prepared).toEqual({
      ok: true,
      network: undefined,
      argv: ["start", "-d", "5", "--tps=7", "--wallets", "150"],
    })
    expect(prepareTempoArguments(["start", "--config", "x.toml"], {})).toEqual({
      ok: true,
      network: undefined,
      argv: ["start", "--config", "x.toml", "--duration", "60"],
    })
    expect(prepareTempoArguments(["start", "--config", "x.toml"], {}, { configFileStops: true })).toEqual({
      ok: true,
      network: undefined,
      argv: ["start", "--config", "x.toml"],
    })
  })

  it("turns --network into --rpc-url and --chain-id, without the devnet load shape", () => {
    expect(prepareTempoArguments(["start", "--network", "presto"], {})).toEqual({
      ok: true,
      network: "presto",
      argv: ["start", "--rpc-url", "https://rpc.tempo.xyz", "--chain-id", "4217", "--duration", "60"],
    })
    expect(
      prepareTempoArguments(["tasks", "--network=localnet", "--rpc-url", "http://127.0.0.1:9"], {}),
    ).toEqual({
      ok: true,
      network: "localnet",
      argv: ["tasks", "--rpc-url", "http://127.0.0.1:9", "--chain-id", "1337"],
    })
  })

  it("rejects an unknown network and lists the known ones", () => {
    expect(prepareTempoArguments(["start", "--network", "andante"], {})).toEqual({
      ok: false,
      message: 'unknown network "andante"; known networks: presto, moderato, devnet, localnet',
    })
  })

  it("leaves other commands alone", () => {
    expect(prepareTempoArguments(["tasks", "--json"], {})).toEqual({
      ok: true,
      network: undefined,
      argv: ["tasks", "--json"],
    })
  })
})

describe("configFileStops", () => {
  it("is true only when the config file sets duration_seconds or count", async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import("node:fs")
    const { join } = await import("node:path")
    const { tmpdir } = await import("node:os")
    const { configFileStops } = await import("./configFileStops.js")
    const directory = mkdtempSync(join(tmpdir(), "tempo-config-"))
    try {
      writeFileSync(join(directory, "plain.toml"), "target_tps = 5\n")
      writeFileSync(join(directory, "stops.toml"), "duration_seconds = 5\n")
      expect(await configFileStops(["start", "--config", join(directory, "plain.toml")])).toBe(false)
      expect(await configFileStops(["start", `--config=${join(directory, "stops.toml")}`])).toBe(true)
      expect(await configFileStops(["start", "-c", join(directory, "missing.toml")])).toBe(true)
      expect(await configFileStops(["start"])).toBe(false)
    } finally {
      rmSync(directory, { recursive: true, force: true })
    }
  })
})
