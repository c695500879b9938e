/**
 * Fixed gas limits per transaction shape of the generic EVM tasks. Fixed rather than estimated
 * because one call shape costs different gas depending on state (a first write to a slot costs
 * 20k more than a rewrite) and an estimate cached from the cheap case would run the expensive one
 * out of gas. Only `gasUsed` is charged; the limit matters for the fee-balance check.
 *
 * @example
 * const limits: EvmGasLimits = { ...plainEvmGasLimits, storageWrite: 2_000_000n }
 */
export type EvmGasLimits = {
  /** A native value transfer to an account without code. */
  readonly transfer: bigint
  /** A plain CREATE of a small workload contract (Counter, StorageWriter, EventEmitter, Reverter). */
  readonly deploy: bigint
  /** The same deploy through the CREATE2 deployer. */
  readonly create2Deploy: bigint
  /** A call that writes a few slots (Counter.increment, EventEmitter.emitEvents). */
  readonly contractCall: bigint
  /** StorageWriter.write of up to `storageWriteMaxSlots` fresh slots. */
  readonly storageWrite: bigint
  /** A call that reverts (only the gas up to the revert is used). */
  readonly revertingCall: bigint
}

/**
 * Limits for standard EVM gas pricing, measured on plain anvil 1.7.1 (prague) with about 2×
 * headroom (what RISE uses; Sepolia prices the same).
 *
 * @example
 * await context.send({ to: counter, data, gasLimit: plainEvmGasLimits.contractCall })
 */
export const plainEvmGasLimits: EvmGasLimits = Object.freeze({
  transfer: 21_000n,
  deploy: 600_000n,
  create2Deploy: 600_000n,
  contractCall: 200_000n,
  storageWrite: 400_000n,
  revertingCall: 100_000n,
})
