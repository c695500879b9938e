import { describe, expect, it } from "vitest"
import type { ChainDefinition } from "../tasks/defineChain.js"
import { runTestCli, testChain } from "../testing/cli/cliHarness.js"
import { applyNetwork } from "./chainNetwork.js"
import { loadStartConfig } from "./startDefaults.js"

const networked: ChainDefinition = {
  ...testChain,
  networks: { alpha: { rpcUrl: "http://127.0.0.1:9", chainId: 777, explorerUrl: "https://alpha.example" } },
  startDefaults: {
    devnet: { durationSeconds: 60, targetTps: 30, workers: 100, wallets: 150 },
    network: { durationSeconds: 60, targetTps: 10, workers: 10, wallets: 10 },
  },
}

describe("--network", () => {
  it("fills the RPC URL and chain id unless given, and takes the network's chain id and explorer", () => {
    const applied = applyNetwork(networked, { network: "ALPHA" }).unwrap()
    expect(applied.options).toMatchObject({ rpcUrl: ["http://127.0.0.1:9"], chainId: 777 })
    expect(applied.chain).toMatchObject({ chainId: 777, explorerUrl: "https://alpha.example" })
    const kept = applyNetwork(networked, { network: "alpha", rpcUrl: ["http://127.0.0.1:8"], chainId: 5 })
    expect(kept.unwrap().options).toMatchObject({ rpcUrl: ["http://127.0.0.1:8"], chainId: 5 })
  })

  it("refuses an unknown network with the known ones (exit 2) and is in --help only where declared", async () => {
    const unknown = await runTestCli(["start", "--network", "nope"], { chain: networked })
    expect({ code: unknown.code, first: unknown.stderr.split("\n")[0] }).toEqual({
      code: 2,
      first: 'error: Invalid --network "nope": known networks of testchain: alpha.',
    })
    expect((await runTestCli(["start", "--help"], { chain: networked })).stdout).toContain("--network <name>")
    expect((await runTestCli(["start", "--help"])).stdout).not.toContain("--network")
  })
})

describe("start defaults", () => {
  it("applies the devnet or real-network shape where the user set nothing, and says which", async () => {
    const devnet = (await loadStartConfig(networked, { environment: {}, options: {} })).unwrap()
    expect(devnet.config).toMatchObject({
      targetTps: 30,
      workers: 100,
      wallets: { count: 150 },
      durationSeconds: 60,
    })
    expect(devnet.notice).toBe(
      "using defaults for the embedded devnet: 30 task starts/s, 100 tasks in flight, 150 wallets, stop after 60 s; set --tps, --workers, --wallets, --duration (or a config file) to change them",
    )
    const network = (
      await loadStartConfig(networked, {
        environment: { TESTNET_WORKERS: "4" },
        options: { rpcUrl: ["http://127.0.0.1:9"], tps: 7, count: 100 },
      })
    ).unwrap()
    expect(network.config).toMatchObject({ targetTps: 7, workers: 4, wallets: { count: 10 }, count: 100 })
    expect(network.config.durationSeconds).toBeUndefined()
    expect(network.notice).toBe(
      "using defaults for a real network: 10 wallets; set --wallets (or a config file) to change them",
    )
  })

  it("announces nothing for a chain that declares no start defaults", async () => {
    const plain = (await loadStartConfig(testChain, { environment: {}, options: {} })).unwrap()
    expect(plain.notice).toBeUndefined()
    expect(plain.config).toMatchObject({ targetTps: 10, workers: 10, wallets: { count: 10 } })
  })
})
