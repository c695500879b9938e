/**
 * @testnet/contracts — the Solidity workload contracts (sources in `solidity/`) as typed,
 * committed artifacts: `{ contractName, sourceName, abi, bytecode, deployedBytecode }` with
 * literal ABI types. Rebuild them with `pnpm --filter @testnet/contracts compile`.
 */

import { CalldataSink } from "./artifacts/CalldataSink.js"
import { Counter } from "./artifacts/Counter.js"
import { EventEmitter } from "./artifacts/EventEmitter.js"
import { Factory } from "./artifacts/Factory.js"
import { GasBurner } from "./artifacts/GasBurner.js"
import { MemeToken } from "./artifacts/MemeToken.js"
import { MultiSend } from "./artifacts/MultiSend.js"
import { MultiToken } from "./artifacts/MultiToken.js"
import { Reverter } from "./artifacts/Reverter.js"
import { SelfDestructor } from "./artifacts/SelfDestructor.js"
import { SimpleNft } from "./artifacts/SimpleNft.js"
import { StorageWriter } from "./artifacts/StorageWriter.js"

export { compilerSettings } from "./artifacts/compilerSettings.js"
export { contractInterfaces } from "./interfaces.js"
export {
  CalldataSink,
  Counter,
  EventEmitter,
  Factory,
  GasBurner,
  MemeToken,
  MultiSend,
  MultiToken,
  Reverter,
  SelfDestructor,
  SimpleNft,
  StorageWriter,
}

/**
 * Every artifact by contract name.
 *
 * @example
 * import { artifacts } from "@testnet/contracts"
 * for (const [name, artifact] of Object.entries(artifacts)) console.log(name, artifact.bytecode.length)
 */
export const artifacts = {
  CalldataSink,
  Counter,
  EventEmitter,
  Factory,
  GasBurner,
  MemeToken,
  MultiSend,
  MultiToken,
  Reverter,
  SelfDestructor,
  SimpleNft,
  StorageWriter,
} as const

/**
 * The name of a bundled contract.
 *
 * @example
 * import type { ContractName } from "@testnet/contracts"
 * const name: ContractName = "Counter"
 */
export type ContractName = keyof typeof artifacts

/**
 * The shape shared by every artifact (ABI entries kept loose; each constant has the exact literal type).
 *
 * @example
 * import { Counter, type ContractArtifact } from "@testnet/contracts"
 * const artifact: ContractArtifact = Counter
 */
export type ContractArtifact = {
  readonly contractName: string
  readonly sourceName: string
  readonly abi: readonly unknown[]
  readonly bytecode: `0x${string}`
  readonly deployedBytecode: `0x${string}`
}

/**
 * Looks an artifact up by name.
 *
 * @example
 * import { getArtifact } from "@testnet/contracts"
 * const { abi, bytecode } = getArtifact("Counter")
 */
export function getArtifact<Name extends ContractName>(name: Name): (typeof artifacts)[Name] {
  return artifacts[name]
}
