import type { TaskMetricStatus, TransactionStatus } from "./schema.js"

/**
 * One journal row, written by `recorder.journalTransactions` right before the broadcast.
 *
 * @example
 * const row: JournalRow = { hash: "0xab…", runId, chainId: 42431, wallet: "0x…", nonceKey: 0n, nonce: 7n,
 *   task: "transfer", sentAt: Date.now() }
 */
export type JournalRow = {
  hash: string
  runId: string
  chainId: number
  wallet: string
  /** 0n for the protocol nonce; other values are keyed (2D) nonce lanes. */
  nonceKey: bigint
  nonce: bigint
  task: string
  /** Milliseconds since the epoch. */
  sentAt: number
  feeToken?: string | undefined
  /** Defaults to "pending". */
  status?: TransactionStatus | undefined
}

/**
 * A change to a journalled transaction (from a receipt, a deadline or a rejection). Fields left
 * undefined keep their stored value.
 *
 * @example
 * const update: TransactionUpdate = { hash: "0xab…", status: "included", includedBlock: 12n,
 *   includedAt: Date.now(), gasUsed: 21000n, effectiveGasPrice: 1_000_000_000n }
 */
export type TransactionUpdate = {
  hash: string
  status: TransactionStatus
  includedBlock?: bigint | number | undefined
  /** Unix ms at which the run observed the including block. */
  includedAt?: number | undefined
  /** The including block's timestamp, Unix ms. */
  blockTimestamp?: number | undefined
  /** The token that paid the fee, where the chain charges fees in a token. */
  feeToken?: string | undefined
  gasUsed?: bigint | undefined
  effectiveGasPrice?: bigint | undefined
  errorCode?: string | undefined
  /** Status `replaced`: the hash of the transaction that took its nonce. */
  replacedBy?: string | undefined
}

/**
 * One task execution.
 *
 * @example
 * const metric: TaskMetricRow = { runId, workerId: 3, walletAddress: "0x…", taskName: "transfer",
 *   status: "success", durationMs: 812, timestamp: Date.now() }
 */
export type TaskMetricRow = {
  runId: string
  workerId: number
  walletAddress: string
  taskName: string
  category?: string | undefined
  status: TaskMetricStatus
  message?: string | undefined
  errorCode?: string | undefined
  durationMs: number
  timestamp: number
}

/**
 * A contract a task deployed. `metadata` is stored as JSON (bigints become strings).
 *
 * @example
 * const contract: CreatedContractRow = { kind: "counter", address: "0x…", chainId: 42431, wallet: "0x…",
 *   transactionHash: "0x…", runId, metadata: { initial: 0 }, createdAt: Date.now() }
 */
export type CreatedContractRow = {
  kind: string
  address: string
  chainId: number
  wallet: string
  transactionHash?: string | undefined
  runId: string
  metadata?: Record<string, unknown> | undefined
  createdAt: number
}

/**
 * An asset a task created (token, pool, NFT …).
 *
 * @example
 * const asset: CreatedAssetRow = { kind: "tip20", address: "0x…", chainId: 42431, wallet: "0x…", runId,
 *   metadata: { symbol: "TST" }, createdAt: Date.now() }
 */
export type CreatedAssetRow = {
  kind: string
  address: string
  tokenId?: string | undefined
  chainId: number
  wallet: string
  transactionHash?: string | undefined
  runId: string
  metadata?: Record<string, unknown> | undefined
  createdAt: number
}

/**
 * The `error_code` of a transaction mined with status 0 (its row's status is `failed`, like a
 * refusal, whose code is the node's error code).
 *
 * @example
 * const update: TransactionUpdate = { hash, status: "failed", errorCode: revertedErrorCode }
 */
export const revertedErrorCode = "REVERTED"

/**
 * JSON.stringify that writes bigints as decimal strings (metadata and config snapshots).
 *
 * @example
 * toJson({ value: 1n }) // '{"value":"1"}'
 */
export function toJson(value: unknown): string {
  return JSON.stringify(value ?? {}, (_key, item: unknown) =>
    typeof item === "bigint" ? item.toString() : item,
  )
}
