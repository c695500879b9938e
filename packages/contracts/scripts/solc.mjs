// Shared by the compile script and the reproducibility test, so both use exactly the same settings.
import { readdirSync, readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const require = createRequire(import.meta.url)
// The npm package bundles soljson.js (the compiler itself): nothing is downloaded.
const solc = require("solc")

export const solidityDirectory = join(dirname(fileURLToPath(import.meta.url)), "..", "solidity")

/**
 * Cancun runs on every target (anvil in Ethereum and Tempo mode, RISE, older testnets) and
 * Prague adds nothing these contracts use. `bytecodeHash: "none"` keeps bytecode independent
 * of comments and file paths, so it only changes when the code does.
 */
export const compilerSettings = {
  solcVersion: solc.version(),
  evmVersion: "cancun",
  optimizer: { enabled: true, runs: 200 },
  metadata: { bytecodeHash: "none" },
}

/** Reads every `solidity/*.sol` file, sorted by name. */
export function readSources() {
  const sources = {}
  for (const file of readdirSync(solidityDirectory)
    .filter((name) => name.endsWith(".sol"))
    .sort()) {
    sources[file] = { content: readFileSync(join(solidityDirectory, file), "utf8") }
  }
  return sources
}

/**
 * Compiles every source and returns the contract whose name matches each file name
 * (helper interfaces inside a file are skipped).
 */
export function compileContracts() {
  const sources = readSources()
  const input = {
    language: "Solidity",
    sources,
    settings: {
      evmVersion: compilerSettings.evmVersion,
      optimizer: compilerSettings.optimizer,
      metadata: compilerSettings.metadata,
      outputSelection: {
        "*": { "*": ["abi", "evm.bytecode.object", "evm.deployedBytecode.object", "userdoc"] },
      },
    },
  }
  const output = JSON.parse(solc.compile(JSON.stringify(input)))
  const diagnostics = output.errors ?? []
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === "error")
  if (errors.length > 0) {
    throw new Error(`solc failed:\n${errors.map((error) => error.formattedMessage).join("\n")}`)
  }
  const contracts = []
  for (const file of Object.keys(sources)) {
    const contractName = file.replace(/\.sol$/, "")
    const compiled = output.contracts?.[file]?.[contractName]
    if (compiled === undefined) throw new Error(`${file} does not define contract ${contractName}`)
    contracts.push({
      contractName,
      sourceName: file,
      notice: compiled.userdoc?.notice ?? "",
      abi: compiled.abi,
      bytecode: `0x${compiled.evm.bytecode.object}`,
      deployedBytecode: `0x${compiled.evm.deployedBytecode.object}`,
    })
  }
  const warnings = diagnostics.filter((diagnostic) => diagnostic.severity !== "error")
  return { contracts, warnings }
}
