/**
 * Fixed gas limits per transaction shape, measured on plain anvil 1.7.1 (prague) with about 2×
 * headroom. Fixed rather than estimated because the cost of one call shape depends on state (a
 * first write to a slot costs 20k more than a rewrite), and an estimate cached from the cheap case
 * would run the expensive one out of gas. Only `gasUsed` is charged.
 *
 * @example
 * await context.send({ to: counter, data, gasLimit: riseGasLimits.contractCall })
 */
export const riseGasLimits = Object.freeze({
  transfer: 21_000n,
  /** Counter, StorageWriter, EventEmitter, GasBurner, Reverter, CalldataSink, SelfDestructor. */
  deploySmall: 600_000n,
  /** MemeToken, MultiSend, Factory. */
  deployMedium: 1_500_000n,
  /** SimpleNft, MultiToken. */
  deployLarge: 2_500_000n,
  /** A call that writes a few slots (increment, transfer, approve, mint). */
  contractCall: 200_000n,
  /** StorageWriter.write of up to 8 fresh slots. */
  storageWrite: 400_000n,
  /** A call that reverts (only the gas up to the revert is used). */
  revertingCall: 100_000n,
  /** Per recipient of a multi-send (a fresh account costs 25k extra). */
  perRecipient: 60_000n,
  /** Per Counter deployed by the Factory. */
  perFactoryDeploy: 250_000n,
})
