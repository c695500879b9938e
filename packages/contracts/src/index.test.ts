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
