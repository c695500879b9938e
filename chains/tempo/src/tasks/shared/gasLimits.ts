import type { EvmGasLimits } from "@testnet/evm"

/**
 * Gas limits per transaction shape, measured on `anvil --network tempo --hardfork T4` (TIP-1000
 * storage pricing: a new storage slot costs 250k, a sender's first transaction ~271k extra) with
 * headroom. Fixed limits instead of per-shape estimates, because one shape costs very different
 * gas for a fresh and a seasoned account (e.g. a transfer to a new holder ~550k, to an existing
 * one ~290k) and an estimate cached from the cheap case makes the expensive case run out of gas.
 * Only `gasUsed` is charged; the limit matters for the fee-balance check.
 *
 * @example
 * await context.send({ to: token, data, gasLimit: tempoGasLimits.tip20Transfer })
 */
export const tempoGasLimits = Object.freeze({
  /** TIP-20 transfer / transferWithMemo / transferFrom (measured up to 550k to a new holder). */
  tip20Transfer: 900_000n,
  /** TIP-20 approve (new allowance slot: ~526k). */
  tip20Approve: 850_000n,
  /** grantRole / mint / burn on a created token (each may create slots). */
  tip20Admin: 1_200_000n,
  /** TIP20Factory.createToken (~2.8M). */
  createToken: 4_000_000n,
  /** FeeManager.setUserToken (~527k). */
  setUserToken: 850_000n,
  /** TIP-403 createPolicy (~780k) and modifyPolicyWhitelist. */
  policy: 1_200_000n,
})

/**
 * The limits of the generic EVM tasks (`@testnet/evm`) under TIP-1000, measured the same way.
 *
 * @example
 * const evm = createEvmTasks({ gasLimits: tempoEvmGasLimits })
 */
export const tempoEvmGasLimits: EvmGasLimits = Object.freeze({
  /** Tempo has no native value, so the native-transfer tasks are not in its catalog. */
  transfer: 900_000n,
  /** Deploy of a small workload contract (Counter ~1.65M used, Reverter ~2.3M estimated). */
  deploy: 3_500_000n,
  /** The same deploy through the CREATE2 deployer (~1.9M). */
  create2Deploy: 3_500_000n,
  /** A call that writes one or two fresh slots (Counter.increment ~525k). */
  contractCall: 900_000n,
  /** StorageWriter.write with up to 4 fresh slots (~1.28M for 3). */
  storageWrite: 2_000_000n,
  /** A call that reverts (the limit is used up to the revert point only). */
  revertingCall: 600_000n,
})

/**
 * Extra gas per additional call in one Tempo batch transaction.
 *
 * @example
 * const gasLimit = tempoGasLimits.tip20Transfer + batchCallGas * BigInt(calls.length - 1)
 */
export const batchCallGas = 650_000n
