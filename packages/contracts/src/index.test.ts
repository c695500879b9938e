import { expect, it } from "vitest"
import * as contracts from "./index.js"

it("exports exactly these names", () => {
  expect(Object.keys(contracts).sort()).toMatchInlineSnapshot(`
    [
      "CalldataSink",
      "Counter",
      "EventEmitter",
      "Factory",
      "GasBurner",
      "MemeToken",
      "MultiSend",
      "MultiToken",
      "Reverter",
      "SelfDestructor",
      "SimpleNft",
      "StorageWriter",
      "artifacts",
      "compilerSettings",
      "contractInterfaces",
      "getArtifact",
    ]
  `)
})

it("gives every artifact a 0x bytecode and an ABI", () => {
  for (const [name, artifact] of Object.entries(contracts.artifacts)) {
    expect(artifact.contractName).toBe(name)
    expect(artifact.bytecode).toMatch(/^0x[0-9a-f]+$/)
    expect(artifact.deployedBytecode).toMatch(/^0x[0-9a-f]+$/)
    expect(artifact.abi.length).toBeGreaterThan(0)
    expect(contracts.getArtifact(name as contracts.ContractName)).toBe(artifact)
  }
})

it("gives every artifact an ethers Interface with its functions and events", () => {
  for (const [name, artifact] of Object.entries(contracts.artifacts)) {
    const contractInterface = contracts.contractInterfaces[name as contracts.ContractName]
    const names = (type: string) =>
      artifact.abi
        .filter((entry) => (entry as { type: string }).type === type)
        .map((entry) => (entry as { name: string }).name)
    expect(names("function").length).toBeGreaterThan(0)
    const functions: string[] = []
    contractInterface.forEachFunction((fragment) => functions.push(fragment.name))
    expect(functions.sort()).toEqual(names("function").sort())
    const events: string[] = []
    contractInterface.forEachEvent((fragment) => events.push(fragment.name))
    expect(events.sort()).toEqual(names("event").sort())
  }
  expect(contracts.contractInterfaces.Counter.encodeFunctionData("increment")).toMatch(/^0x[0-9a-f]{8}$/)
})
