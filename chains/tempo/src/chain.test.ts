import { getDevnetOptions } from "@testnet/core/testing"
import { describe, expect, it } from "vitest"
import { createTempoChain, tempo } from "./chain.js"
import { tempoCatalog, tempoTaskCategories } from "./tasks/catalog.js"

describe("the tempo chain definition", () => {
  it("is Moderato by default, with Tempo's capabilities and no native value", () => {
    expect(tempo.chainId).toBe(42431)
    expect(tempo.capabilities).toMatchObject({
      eip1559: true,
      nativeValueTransfers: false,
      feeToken: true,
      keyedNonces: true,
      batchCalls: true,
      sendRawTransactionSync: true,
    })
    expect(tempo.fund?.currency).toEqual({ symbol: "USD", decimals: 6 })
    expect(tempo.tasks.map((task) => task.name)).toEqual(tempoCatalog.map((task) => task.name))
    // No native gas token: fees are 6-decimal stablecoins, gas × price / 10^12, pathUSD by default.
    expect(tempo.feeCurrency).toMatchObject({
      nativeGasToken: false,
      symbol: "pathUSD",
      decimals: 6,
      priceDivisor: 10n ** 12n,
      defaultToken: "0x20c0000000000000000000000000000000000000",
    })
    expect(tempo.feeCurrency.tokens?.["0x20c0000000000000000000000000000000000001"]?.symbol).toBe("AlphaUSD")
  })

  it("starts its devnet as anvil --network tempo at T4, chain id 42431, 1 s blocks, high gas limit", () => {
    const options = getDevnetOptions(createTempoChain("presto"))
    expect(options).toMatchObject({ network: "tempo", hardfork: "T4", chainId: 42431, blockTimeSeconds: 1 })
    expect(options.gasLimit).toBeGreaterThanOrEqual(300_000_000n)
    expect(options.extraArguments).toContain("--disable-pool-balance-checks")
  })

  it("selects other networks by name", () => {
    const mainnet = createTempoChain("presto")
    expect([mainnet.chainId, mainnet.rpcUrls, mainnet.explorerUrl]).toEqual([
      4217,
      ["https://rpc.tempo.xyz"],
      "https://explore.tempo.xyz",
    ])
  })

  it("weights transfers above deploys, and every task has a description and a category", () => {
    const weight = (name: string) => tempoCatalog.find((task) => task.name === name)?.weight ?? 0
    expect(weight("tip20_transfer_random")).toBeGreaterThan(5 * weight("deploy_counter"))
    const transfers = tempoCatalog
      .filter((task) => task.name.includes("transfer"))
      .reduce((sum, task) => sum + task.weight, 0)
    const total = tempoCatalog.reduce((sum, task) => sum + task.weight, 0)
    expect(transfers / total).toBeGreaterThan(0.4)
    for (const task of tempoCatalog) {
      expect(task.description.length).toBeGreaterThan(10)
      expect(Object.keys(tempoTaskCategories)).toContain(task.category)
    }
  })
})
