import { describe, expect, it } from "vitest"
import { tempo } from "../chain.js"
import {
  getTempoNetwork,
  tempoChainNetworks,
  tempoNetworkNames,
  tempoNetworks,
  tempoStartDefaultsByTarget,
} from "./networks.js"

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

  it("declares them on the chain for core's --network, with the start defaults", () => {
    expect(tempo.networks).toEqual(tempoChainNetworks)
    expect(tempo.networks.presto).toEqual({
      rpcUrl: "https://rpc.tempo.xyz",
      chainId: 4217,
      explorerUrl: "https://explore.tempo.xyz",
    })
    expect(tempo.networks.localnet).toEqual({ rpcUrl: "http://localhost:8545", chainId: 1337 })
    expect(tempo.startDefaults).toBe(tempoStartDefaultsByTarget)
    expect(tempo.startDefaults).toEqual({
      devnet: { durationSeconds: 60, targetTps: 30, workers: 100, wallets: 150 },
      network: { durationSeconds: 60, targetTps: 10, workers: 10, wallets: 10 },
    })
  })
})
