import { describe, expect, it } from "vitest"
import { compileContracts, readSources, compilerSettings as scriptSettings } from "../scripts/solc.mjs"
import { artifacts, compilerSettings } from "./index.js"

describe("committed artifacts", () => {
  it("recompiles every source to exactly the committed ABI and bytecode", () => {
    const { contracts } = compileContracts()
    expect(contracts.map((contract) => contract.contractName).sort()).toEqual(Object.keys(artifacts).sort())
    for (const contract of contracts) {
      const committed = artifacts[contract.contractName as keyof typeof artifacts]
      expect(committed.bytecode, contract.contractName).toBe(contract.bytecode)
      expect(committed.deployedBytecode, contract.contractName).toBe(contract.deployedBytecode)
      expect(committed.abi, contract.contractName).toEqual(contract.abi)
    }
  })

  it("records the settings the compile script uses", () => {
    expect(compilerSettings).toEqual(scriptSettings)
    expect(compilerSettings.solcVersion).toMatch(/^0\.8\.30\+/)
  })

  it("has one source file per artifact, each with an exact 0.8 pragma range", () => {
    const sources = readSources()
    expect(Object.keys(sources).length).toBe(Object.keys(artifacts).length)
    for (const [file, { content }] of Object.entries(sources)) {
      expect(content, file).toMatch(/pragma solidity \^0\.8\.\d+;/)
    }
  })
})
