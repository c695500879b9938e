import type { SentTransaction } from "./transactionTypes.js"

/**
 * A contract a task deployed, recorded so later tasks (and later runs) can interact with it.
 *
 * @example
 * const counter: CreatedContract = { kind: "counter", address: receipt.contractAddress!, transactionHash: receipt.hash }
 */
export type CreatedContract = {
  /** Free-form kind the chain's tasks agree on, e.g. "counter", "erc20". */
  kind: string
  address: string
  transactionHash?: string
  metadata?: Record<string, unknown>
}

/**
 * An asset a task created (token, NFT, pool …).
 *
 * @example
 * const token: CreatedAsset = { kind: "tip20", address, metadata: { symbol: "TST", decimals: 6 } }
 */
export type CreatedAsset = {
  kind: string
  address: string
  /** For NFTs. */
  tokenId?: string
  transactionHash?: string
  metadata?: Record<string, unknown>
}

/**
 * What one task execution did.
 *
 * @example
 * return Ok(createTaskOutcome({ transactions: [sent], notes: ["memo=0x1234"] }))
 */
export type TaskOutcome = {
  readonly transactions: readonly SentTransaction[]
  readonly createdContracts: readonly CreatedContract[]
  readonly createdAssets: readonly CreatedAsset[]
  /**
   * True when the task is a negative test and it failed as intended (e.g. the chain rejected an
   * overdraw). The runner counts it as a success of the test, not a chain failure.
   */
  readonly expectedFailure: boolean
  /** Short human notes for logs and the summary. Never secrets. */
  readonly notes: readonly string[]
}

/**
 * Builds a {@link TaskOutcome} with empty defaults.
 *
 * @example
 * createTaskOutcome({ transactions: [sent] })
 * // { transactions: [sent], createdContracts: [], createdAssets: [], expectedFailure: false, notes: [] }
 */
export function createTaskOutcome(parts: Partial<TaskOutcome> = {}): TaskOutcome {
  return {
    transactions: parts.transactions ?? [],
    createdContracts: parts.createdContracts ?? [],
    createdAssets: parts.createdAssets ?? [],
    expectedFailure: parts.expectedFailure ?? false,
    notes: parts.notes ?? [],
  }
}
