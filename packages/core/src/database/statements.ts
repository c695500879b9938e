import type {
  CreatedAssetRow,
  CreatedContractRow,
  JournalRow,
  TaskMetricRow,
  TransactionUpdate,
} from "./rows.js"
import { toJson } from "./rows.js"

/**
 * A value the drivers accept as a bound parameter.
 *
 * @example
 * const parameters: SqlParameter[] = ["0xab", 1, null]
 */
export type SqlParameter = string | number | null

/**
 * Table and column lists of the recorder's inserts, shared by both dialects so their SQL
 * cannot drift apart. Column order matches the `*Parameters` functions below.
 *
 * @example
 * insertColumns.transactions // ["hash", "run_id", …]
 */
export const insertColumns = {
  transactions: [
    "hash",
    "run_id",
    "chain_id",
    "wallet",
    "nonce_key",
    "nonce",
    "task",
    "sent_at",
    "status",
    "fee_token",
  ],
  task_metrics: [
    "run_id",
    "worker_id",
    "wallet_address",
    "task_name",
    "category",
    "status",
    "message",
    "error_code",
    "duration_ms",
    "timestamp",
  ],
  created_contracts: [
    "kind",
    "address",
    "chain_id",
    "wallet",
    "transaction_hash",
    "run_id",
    "metadata",
    "created_at",
  ],
  created_assets: [
    "kind",
    "address",
    "token_id",
    "chain_id",
    "wallet",
    "transaction_hash",
    "run_id",
    "metadata",
    "created_at",
  ],
} as const

/**
 * Columns a {@link TransactionUpdate} sets, in parameter order after `hash` and `status`.
 * Null parameters keep the stored value (COALESCE).
 *
 * @example
 * updateColumns[0] // "included_block"
 */
export const updateColumns = [
  "included_block",
  "included_at",
  "gas_used",
  "effective_gas_price",
  "error_code",
  "block_timestamp",
  "fee_token",
  "replaced_by",
] as const

/**
 * Builds `INSERT INTO table (cols) VALUES (…), (…)` for `rowCount` rows.
 *
 * @example
 * insertSql("task_metrics", 2, "sqlite") // "INSERT INTO task_metrics (…) VALUES (?, …), (?, …)"
 */
export function insertSql(
  table: keyof typeof insertColumns,
  rowCount: number,
  dialect: "sqlite" | "postgres",
) {
  const columns = insertColumns[table]
  let index = 0
  const rows: string[] = []
  for (let row = 0; row < rowCount; row++) {
    const placeholders = columns.map(() => (dialect === "sqlite" ? "?" : `$${++index}`))
    rows.push(`(${placeholders.join(", ")})`)
  }
  const conflict = table === "transactions" ? " ON CONFLICT (hash) DO NOTHING" : ""
  return `INSERT INTO ${table} (${columns.map(quote).join(", ")}) VALUES ${rows.join(", ")}${conflict}`
}

function quote(column: string) {
  return `"${column}"`
}

/**
 * Parameters of one journal row, in {@link insertColumns} order.
 *
 * @example
 * journalParameters(row) // ["0xab…", "run", 1, "0x…", "0", "7", "transfer", 1700000000000, "pending", null]
 */
export function journalParameters(row: JournalRow): SqlParameter[] {
  return [
    row.hash,
    row.runId,
    row.chainId,
    row.wallet,
    row.nonceKey.toString(),
    row.nonce.toString(),
    row.task,
    row.sentAt,
    row.status ?? "pending",
    row.feeToken ?? null,
  ]
}

/**
 * Parameters of one task metric, in {@link insertColumns} order.
 *
 * @example
 * metricParameters(metric).length // 10
 */
export function metricParameters(row: TaskMetricRow): SqlParameter[] {
  return [
    row.runId,
    row.workerId,
    row.walletAddress,
    row.taskName,
    row.category ?? null,
    row.status,
    row.message ?? null,
    row.errorCode ?? null,
    row.durationMs,
    row.timestamp,
  ]
}

/**
 * Parameters of one created contract, in {@link insertColumns} order.
 *
 * @example
 * contractParameters(contract).length // 8
 */
export function contractParameters(row: CreatedContractRow): SqlParameter[] {
  return [
    row.kind,
    row.address,
    row.chainId,
    row.wallet,
    row.transactionHash ?? null,
    row.runId,
    toJson(row.metadata),
    row.createdAt,
  ]
}

/**
 * Parameters of one created asset, in {@link insertColumns} order.
 *
 * @example
 * assetParameters(asset).length // 9
 */
export function assetParameters(row: CreatedAssetRow): SqlParameter[] {
  return [
    row.kind,
    row.address,
    row.tokenId ?? null,
    row.chainId,
    row.wallet,
    row.transactionHash ?? null,
    row.runId,
    toJson(row.metadata),
    row.createdAt,
  ]
}

/**
 * Parameters of one update: hash, status, then {@link updateColumns} (null = keep).
 *
 * @example
 * updateParameters({ hash: "0x1", status: "included", includedBlock: 5n }) // ["0x1", "included", 5, null, null, null, null, null, null, null]
 */
export function updateParameters(update: TransactionUpdate): SqlParameter[] {
  return [
    update.hash,
    update.status,
    update.includedBlock === undefined ? null : Number(update.includedBlock),
    update.includedAt ?? null,
    update.gasUsed === undefined ? null : update.gasUsed.toString(),
    update.effectiveGasPrice === undefined ? null : update.effectiveGasPrice.toString(),
    update.errorCode ?? null,
    update.blockTimestamp ?? null,
    update.feeToken ?? null,
    update.replacedBy ?? null,
  ]
}

/**
 * Merges updates of the same hash (later fields win, earlier defined fields are kept), in the
 * order hashes were first seen. A flush then touches each row once.
 *
 * @example
 * mergeUpdates([{ hash: "a", status: "pending" }, { hash: "a", status: "included", includedBlock: 3n }])
 * // [{ hash: "a", status: "included", includedBlock: 3n }]
 */
export function mergeUpdates(updates: readonly TransactionUpdate[]): TransactionUpdate[] {
  const byHash = new Map<string, TransactionUpdate>()
  for (const update of updates) {
    const previous = byHash.get(update.hash)
    if (previous === undefined) {
      byHash.set(update.hash, update)
      continue
    }
    const merged: TransactionUpdate = { ...previous }
    for (const [key, value] of Object.entries(update)) {
      if (value !== undefined) (merged as Record<string, unknown>)[key] = value
    }
    byHash.set(update.hash, merged)
  }
  return [...byHash.values()]
}
