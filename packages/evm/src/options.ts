import { type EvmGasLimits, plainEvmGasLimits } from "./gasLimits.js"

/**
 * Arachnid's deterministic deployer (calldata = salt ‖ init code), present on anvil and most
 * EVM chains.
 *
 * @example
 * const predicted = getCreate2Address(create2DeployerAddress, salt, keccak256(Counter.bytecode))
 */
export const create2DeployerAddress = "0x4e59b44847b379578588920ca78fbf26c0b4956c"

/**
 * The generic EVM tasks, by the key `createEvmTasks` returns them under.
 *
 * @example
 * const key: EvmTaskKey = "deployCounter"
 */
export type EvmTaskKey =
  | "selfTransfer"
  | "transferToRandom"
  | "deployCounter"
  | "incrementCounter"
  | "create2Deploy"
  | "storageWrite"
  | "emitEvents"
  | "revertingCall"

/**
 * What differs between chains running the generic EVM tasks.
 *
 * @example
 * const options: EvmTaskOptions = { gasLimits: tempoLimits, weights: { deployCounter: 1 }, storageWriteMaxSlots: 3 }
 */
export type EvmTaskOptions = {
  /** Gas limits per shape (default: {@link plainEvmGasLimits}). */
  readonly gasLimits?: EvmGasLimits
  /** Default weights per task (config weights still override them). */
  readonly weights?: Partial<Record<EvmTaskKey, number>>
  /** Most slots one `storage_write` writes (default 8; chains with expensive new slots use fewer). */
  readonly storageWriteMaxSlots?: number
  /** The CREATE2 deployer `create2_deploy` calls (default {@link create2DeployerAddress}). */
  readonly create2Deployer?: string
}

/** The options with every default filled in (what each task factory takes). */
export type ResolvedEvmTaskOptions = {
  readonly gasLimits: EvmGasLimits
  readonly weights: Record<EvmTaskKey, number>
  readonly storageWriteMaxSlots: number
  readonly create2Deployer: string
}

const defaultWeights: Record<EvmTaskKey, number> = {
  selfTransfer: 8,
  transferToRandom: 10,
  deployCounter: 2,
  incrementCounter: 8,
  create2Deploy: 2,
  storageWrite: 4,
  emitEvents: 4,
  revertingCall: 1,
}

/**
 * Fills in the defaults of `options`; a slot count below 1 is a bug and throws.
 *
 * @example
 * const resolved = resolveEvmTaskOptions({ storageWriteMaxSlots: 3 })
 */
export function resolveEvmTaskOptions(options: EvmTaskOptions = {}): ResolvedEvmTaskOptions {
  const storageWriteMaxSlots = options.storageWriteMaxSlots ?? 8
  if (!(Number.isSafeInteger(storageWriteMaxSlots) && storageWriteMaxSlots >= 1))
    throw new RangeError(`storageWriteMaxSlots is ${storageWriteMaxSlots}; it must be an integer >= 1`)
  return Object.freeze({
    gasLimits: options.gasLimits ?? plainEvmGasLimits,
    weights: { ...defaultWeights, ...options.weights },
    storageWriteMaxSlots,
    create2Deployer: options.create2Deployer ?? create2DeployerAddress,
  })
}
