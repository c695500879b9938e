// Types for solc.mjs (imported by the reproducibility test).
export declare const solidityDirectory: string
export declare const compilerSettings: {
  solcVersion: string
  evmVersion: string
  optimizer: { enabled: boolean; runs: number }
  metadata: { bytecodeHash: string }
}
export type CompiledContract = {
  contractName: string
  sourceName: string
  notice: string
  abi: unknown[]
  bytecode: string
  deployedBytecode: string
}
export declare function readSources(): Record<string, { content: string }>
export declare function compileContracts(): {
  contracts: CompiledContract[]
  warnings: { severity: string; formattedMessage: string }[]
}
