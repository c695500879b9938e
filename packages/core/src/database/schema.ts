import type { Generated } from "kysely"

/**
 * Status of a journalled transaction. `pending` = broadcast (or about to be), not yet seen in
 * a block; `included` = in a block with status 1; `failed` = in a block with status 0 or
 * rejected by the node; `dropped` = gone from the pool past the deadline; `replaced` = another
 * transaction with the same nonce was included.
 *
 * @example
 * const status: TransactionStatus = "included"
 */
export type TransactionStatus = "pending" | "included" | "failed" | "dropped" | "replaced"

/**
 * Status of a run. `crashed`: the process ended without closing the run (kill -9, a second
 * Ctrl-C, power loss); a later start on the same chain closes it so.
 *
 * @example
 * const status: RunStatus = "completed"
 */
export type RunStatus = "running" | "completed" | "failed" | "interrupted" | "crashed"

/**
 * Outcome of one task execution as stored in `task_metrics`.
 *
 * @example
 * const status: TaskMetricStatus = "success"
 */
export type TaskMetricStatus = "success" | "failure" | "expected_failure"

/**
 * `runs`: one row per run (per process, per shard). `config` is the configuration as JSON
 * with secrets removed.
 *
 * @example
 * const row: RunsTable = { id: "…", chain: "tempo", chain_id: 42431, host: "box", shard: null,
 *   started_at: Date.now(), ended_at: null, status: "running", config: "{}", tool_version: "0.1.0",
 *   pid: 4242, heartbeat_at: Date.now(), seed: "42",
 *   sending_started_at: null, sending_ended_at: null }
 */
export type RunsTable = {
  id: string
  chain: string
  chain_id: number
  host: string
  shard: string | null
  started_at: number
  ended_at: number | null
  status: RunStatus
  config: string
  tool_version: string
  /** Process id of the run (null before schema version 2). */
  pid: number | null
  /** Unix ms of the run's last sign of life (null before schema version 2). */
  heartbeat_at: number | null
  /** The seed the run's random choices used (null before schema version 3). */
  seed: string | null
  /** Unix ms of the sending window's start and end (null before schema version 4 or while running). */
  sending_started_at: number | null
  sending_ended_at: number | null
  /** Per-proxy traffic as JSON ({@link RunProxyStats}[]); null without proxies or before schema version 6. */
  proxy_stats?: string | null
  /** The campaign the run is a shard of (null for a lone run or before schema version 7). */
  campaign?: string | null
}

/**
 * One proxy's traffic during a run, as stored in `runs.proxy_stats` (the URL is masked).
 *
 * @example
 * const stats: RunProxyStats = { proxy: "http://***:***@127.0.0.1:3128", requests: 812, failures: 3, bans: 1 }
 */
export type RunProxyStats = { proxy: string; requests: number; failures: number; bans: number }

/**
 * `task_metrics`: one row per task execution.
 *
 * @example
 * const row: Omit<TaskMetricsTable, "id"> = { run_id: "r", worker_id: 3, wallet_address: "0x…", task_name: "transfer",
 *   category: "token", status: "success", message: null, error_code: null, duration_ms: 812, timestamp: Date.now() }
 */
export type TaskMetricsTable = {
  id: Generated<number>
  run_id: string
  worker_id: number
  wallet_address: string
  task_name: string
  category: string | null
  status: TaskMetricStatus
  message: string | null
  error_code: string | null
  duration_ms: number
  timestamp: number
}

/**
 * `transactions`: the journal. One row per signed transaction, written before it is broadcast.
 * Big integers (nonce key, nonce, gas, prices) are decimal strings so they survive both
 * SQLite and PostgreSQL unchanged.
 *
 * @example
 * const row: TransactionsTable = { hash: "0x…", run_id: "r", chain_id: 1, wallet: "0x…", nonce_key: "0", nonce: "7",
 *   task: "transfer", sent_at: Date.now(), status: "pending", included_block: null, included_at: null,
 *   block_timestamp: null, gas_used: null, effective_gas_price: null, fee_token: null, error_code: null }
 */
export type TransactionsTable = {
  hash: string
  run_id: string
  chain_id: number
  wallet: string
  nonce_key: string
  nonce: string
  task: string
  sent_at: number
  included_block: number | null
  /** Unix ms at which the run observed the including block (the tracker's clock at settlement). */
  included_at: number | null
  /** The including block's timestamp in ms (null before schema version 3). */
  block_timestamp: number | null
  gas_used: string | null
  effective_gas_price: string | null
  fee_token: string | null
  status: TransactionStatus
  error_code: string | null
  /** Status `replaced`: the hash that took its nonce (null before schema version 5). */
  replaced_by?: string | null
}

/**
 * `created_contracts`: contracts deployed by tasks, reused by later tasks and runs.
 *
 * @example
 * const row: Omit<CreatedContractsTable, "id"> = { kind: "counter", address: "0x…", chain_id: 1, wallet: "0x…",
 *   transaction_hash: "0x…", run_id: "r", metadata: "{}", created_at: Date.now() }
 */
export type CreatedContractsTable = {
  id: Generated<number>
  kind: string
  address: string
  chain_id: number
  wallet: string
  transaction_hash: string | null
  run_id: string
  metadata: string
  created_at: number
}

/**
 * `created_assets`: tokens, pools, NFTs … created by tasks. `address` is the asset's contract
 * (or other identifier), `token_id` an optional id inside it.
 *
 * @example
 * const row: Omit<CreatedAssetsTable, "id"> = { kind: "tip20", address: "0x…", token_id: null, chain_id: 1,
 *   wallet: "0x…", transaction_hash: null, run_id: "r", metadata: "{}", created_at: Date.now() }
 */
export type CreatedAssetsTable = {
  id: Generated<number>
  kind: string
  address: string
  token_id: string | null
  chain_id: number
  wallet: string
  transaction_hash: string | null
  run_id: string
  metadata: string
  created_at: number
}

/**
 * `schema_version`: one row (id 1) with the version of the newest migration applied. A
 * database whose version is higher than the code's is refused.
 *
 * @example
 * const row: SchemaVersionTable = { id: 1, version: 1, updated_at: Date.now() }
 */
export type SchemaVersionTable = {
  id: number
  version: number
  updated_at: number
}

/**
 * The whole typed schema, for `Kysely<DatabaseSchema>`.
 *
 * @example
 * const rows = await manager.db.selectFrom("runs").selectAll().execute()
 */
export type DatabaseSchema = {
  runs: RunsTable
  task_metrics: TaskMetricsTable
  transactions: TransactionsTable
  created_contracts: CreatedContractsTable
  created_assets: CreatedAssetsTable
  schema_version: SchemaVersionTable
}
