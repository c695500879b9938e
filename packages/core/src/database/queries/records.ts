import type { Selectable } from "kysely"
import type {
  CreatedAssetsTable,
  CreatedContractsTable,
  RunProxyStats,
  RunStatus,
  RunsTable,
  TaskMetricStatus,
  TaskMetricsTable,
  TransactionStatus,
  TransactionsTable,
} from "../schema.js"
import { parseJsonObject } from "./context.js"

/**
 * A run as the queries return it.
 *
 * @example
 * const run: RunRecord = (await queries.latestRun({ chain: "tempo" })).unwrap()!
 */
export type RunRecord = {
  id: string
  chain: string
  chainId: number
  host: string
  shard: string | undefined
  startedAt: number
  endedAt: number | undefined
  status: RunStatus
  config: Record<string, unknown>
  toolVersion: string
  /** The seed of the run's random choices (undefined for runs before schema version 3). */
  seed?: string | undefined
  /** The sending window in Unix ms (undefined before schema version 4, or while running). */
  sendingWindow?: { startedAt: number; endedAt: number } | undefined
  /** Per-proxy traffic (masked URLs); empty without proxies or before schema version 6. */
  proxies?: RunProxyStats[] | undefined
  /** The campaign the run is a shard of (undefined for a lone run or before schema version 7). */
  campaign?: string | undefined
}

/**
 * A stored task metric.
 *
 * @example
 * const metrics: TaskMetricRecord[] = (await queries.metricsByTask({ taskName: "transfer" })).unwrap()
 */
export type TaskMetricRecord = {
  id: number
  runId: string
  workerId: number
  walletAddress: string
  taskName: string
  category: string | undefined
  status: TaskMetricStatus
  message: string | undefined
  errorCode: string | undefined
  durationMs: number
  timestamp: number
}

/**
 * A journalled transaction. Big integers come back as bigint.
 *
 * @example
 * const pending: TransactionRecord[] = (await queries.transactionsByStatus({ runId, statuses: ["pending"] })).unwrap()
 */
export type TransactionRecord = {
  hash: string
  runId: string
  chainId: number
  wallet: string
  nonceKey: bigint
  nonce: bigint
  task: string
  sentAt: number
  includedBlock: bigint | undefined
  includedAt: number | undefined
  /** The including block's timestamp, Unix ms (undefined before schema version 3). */
  blockTimestamp?: number | undefined
  gasUsed: bigint | undefined
  effectiveGasPrice: bigint | undefined
  feeToken: string | undefined
  status: TransactionStatus
  errorCode: string | undefined
}

/**
 * A contract deployed by a task (this run or an earlier one).
 *
 * @example
 * const [counter] = (await queries.contractsByKind({ kind: "counter", chainId: 42431 })).unwrap()
 */
export type CreatedContractRecord = {
  id: number
  kind: string
  address: string
  chainId: number
  wallet: string
  transactionHash: string | undefined
  runId: string
  metadata: Record<string, unknown>
  createdAt: number
}

/**
 * An asset created by a task.
 *
 * @example
 * const tokens: CreatedAssetRecord[] = (await queries.createdAssets({ kind: "tip20", chainId: 42431 })).unwrap()
 */
export type CreatedAssetRecord = CreatedContractRecord & { tokenId: string | undefined }

const orUndefined = <T>(value: T | null): T | undefined => (value === null ? undefined : value)
const bigintOrUndefined = (value: string | number | null): bigint | undefined =>
  value === null ? undefined : BigInt(value)

/**
 * Maps a `runs` row.
 *
 * @example
 * const run = toRunRecord(row)
 */
export function toRunRecord(row: Selectable<RunsTable>): RunRecord {
  return {
    id: row.id,
    chain: row.chain,
    chainId: Number(row.chain_id),
    host: row.host,
    shard: orUndefined(row.shard),
    startedAt: Number(row.started_at),
    endedAt: row.ended_at === null ? undefined : Number(row.ended_at),
    status: row.status,
    config: parseJsonObject(row.config),
    toolVersion: row.tool_version,
    seed: orUndefined(row.seed ?? null),
    sendingWindow:
      row.sending_started_at == null || row.sending_ended_at == null
        ? undefined
        : { startedAt: Number(row.sending_started_at), endedAt: Number(row.sending_ended_at) },
    proxies: parseProxyStats(row.proxy_stats ?? null),
    campaign: orUndefined(row.campaign ?? null),
  }
}

/** The stored per-proxy JSON; a row that is not a list (hand-edited, truncated) reads as none. */
function parseProxyStats(text: string | null): RunProxyStats[] {
  if (text === null) return []
  try {
    const parsed: unknown = JSON.parse(text)
    return Array.isArray(parsed) ? (parsed as RunProxyStats[]) : []
  } catch {
    return []
  }
}

/**
 * Maps a `task_metrics` row.
 *
 * @example
 * const metric = toTaskMetricRecord(row)
 */
export function toTaskMetricRecord(row: Selectable<TaskMetricsTable>): TaskMetricRecord {
  return {
    id: Number(row.id),
    runId: row.run_id,
    workerId: row.worker_id,
    walletAddress: row.wallet_address,
    taskName: row.task_name,
    category: orUndefined(row.category),
    status: row.status,
    message: orUndefined(row.message),
    errorCode: orUndefined(row.error_code),
    durationMs: Number(row.duration_ms),
    timestamp: Number(row.timestamp),
  }
}

/**
 * Maps a `transactions` row.
 *
 * @example
 * const transaction = toTransactionRecord(row)
 */
export function toTransactionRecord(row: Selectable<TransactionsTable>): TransactionRecord {
  return {
    hash: row.hash,
    runId: row.run_id,
    chainId: Number(row.chain_id),
    wallet: row.wallet,
    nonceKey: BigInt(row.nonce_key),
    nonce: BigInt(row.nonce),
    task: row.task,
    sentAt: Number(row.sent_at),
    includedBlock: bigintOrUndefined(row.included_block),
    includedAt: row.included_at === null ? undefined : Number(row.included_at),
    blockTimestamp: row.block_timestamp === null ? undefined : Number(row.block_timestamp),
    gasUsed: bigintOrUndefined(row.gas_used),
    effectiveGasPrice: bigintOrUndefined(row.effective_gas_price),
    feeToken: orUndefined(row.fee_token),
    status: row.status,
    errorCode: orUndefined(row.error_code),
  }
}

/**
 * Maps a `created_contracts` row.
 *
 * @example
 * const contract = toCreatedContractRecord(row)
 */
export function toCreatedContractRecord(row: Selectable<CreatedContractsTable>): CreatedContractRecord {
  return {
    id: Number(row.id),
    kind: row.kind,
    address: row.address,
    chainId: Number(row.chain_id),
    wallet: row.wallet,
    transactionHash: orUndefined(row.transaction_hash),
    runId: row.run_id,
    metadata: parseJsonObject(row.metadata),
    createdAt: Number(row.created_at),
  }
}

/**
 * Maps a `created_assets` row.
 *
 * @example
 * const asset = toCreatedAssetRecord(row)
 */
export function toCreatedAssetRecord(row: Selectable<CreatedAssetsTable>): CreatedAssetRecord {
  return { ...toCreatedContractRecord(row), tokenId: orUndefined(row.token_id) }
}
