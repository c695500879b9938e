import { expect, it } from "vitest"
import * as evm from "./index.js"

it("exports exactly these names", () => {
  expect(Object.keys(evm).sort()).toEqual([
    "create2DeployerAddress",
    "createEvmTasks",
    "dynamicFees",
    "highestGasPrice",
    "parseEvents",
    "plainEvmGasLimits",
  ])
})

it("applies weights and the storage-write size, and refuses a size below one slot", () => {
  const tasks = evm.createEvmTasks({ weights: { deployCounter: 1 }, storageWriteMaxSlots: 3 })
  expect(tasks.deployCounter.weight).toBe(1)
  expect(tasks.incrementCounter.weight).toBe(8)
  expect(tasks.storageWrite.description).toContain("1-3 random storage slots")
  expect(() => evm.createEvmTasks({ storageWriteMaxSlots: 0 })).toThrow("storageWriteMaxSlots is 0")
})
