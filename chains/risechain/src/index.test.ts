import { expect, it } from "vitest"
import * as risechainPackage from "./index.js"

it("exports exactly these names", () => {
  expect(Object.keys(risechainPackage).sort()).toMatchInlineSnapshot(`
    [
      "accessListTransaction",
      "approveTransferFrom",
      "burnGas",
      "burnMemeToken",
      "calldataHeavy",
      "checkBalance",
      "create2Deploy",
      "createMemeToken",
      "deployAndDestruct",
      "deployCounter",
      "eip1559Transaction",
      "eip7702Delegation",
      "emitEvents",
      "factoryBatchDeploy",
      "factoryCreate2Deploy",
      "factoryDeploy",
      "faucetClaim",
      "incrementCounter",
      "legacyTransaction",
      "mintMemeToken",
      "multiSendNative",
      "multiSendToken",
      "multiTokenBatchTransfer",
      "multicall3Interface",
      "multicallAggregate",
      "nftMintTransfer",
      "revertingCall",
      "riseAddresses",
      "riseCatalog",
      "riseDevnet",
      "riseTaskCategories",
      "risechain",
      "selfTransfer",
      "storageWrite",
      "syncSend",
      "transferMemeToken",
      "transferToRandom",
    ]
  `)
})

it("the catalog has at least 30 uniquely named tasks in four categories, all scheduled by default", () => {
  const { riseCatalog, riseTaskCategories, risechain } = risechainPackage
  expect(riseCatalog.length).toBeGreaterThanOrEqual(30)
  expect(new Set(riseCatalog.map((task) => task.name)).size).toBe(riseCatalog.length)
  expect(Object.keys(riseTaskCategories)).toEqual(["core", "token", "batch", "advanced"])
  for (const [category, tasks] of Object.entries(riseTaskCategories))
    for (const task of tasks) expect(task.category).toBe(category)
  expect(riseCatalog.every((task) => task.weight > 0)).toBe(true)
  expect(risechain.tasks).toEqual([...riseCatalog])
  expect(risechain).toMatchObject({
    name: "risechain",
    chainId: 11155931,
    nativeCurrency: { symbol: "ETH", decimals: 18 },
    capabilities: { eip1559: true, nativeValueTransfers: true, sendRawTransactionSync: true },
    devnet: { chainId: 11155931, blockTimeSeconds: 1, gasLimit: 1_000_000_000n },
    rpcUrls: ["https://testnet.riselabs.xyz"],
    explorerUrl: "https://explorer.testnet.riselabs.xyz",
  })
})
