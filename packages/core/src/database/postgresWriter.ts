import type pg from "pg"
import {
  assetParameters,
  contractParameters,
  insertColumns,
  insertSql,
  journalParameters,
  metricParameters,
  type SqlParameter,
  updateParameters,
} from "./statements.js"
import type { BatchWriter, WriteBatch } from "./writer.js"

/**
 * Options for {@link createPostgresWriter}.
 *
 * @example
 * const options: PostgresWriterOptions = { pool, target: "postgres://u:***@db/x", busyTimeoutMs: 5000 }
 */
export type PostgresWriterOptions = { pool: pg.Pool; target: string; busyTimeoutMs: number }

// PostgreSQL accepts at most 65535 parameters per statement.
const MAX_PARAMETERS = 60_000

const UPDATE_TYPES = [
  "varchar",
  "varchar",
  "bigint",
  "bigint",
  "varchar",
  "varchar",
  "varchar",
  "bigint",
  "varchar",
  "varchar",
]

/**
 * The recorder's PostgreSQL path: one round trip per table per batch (multi-row INSERT, and
 * one `UPDATE … FROM (VALUES …)` for all transaction updates), all in one transaction.
 *
 * @example
 * const writer = createPostgresWriter({ pool, target, busyTimeoutMs: 5000 })
 * await writer.write({ updates, metrics, contracts: [], assets: [] })
 */
export function createPostgresWriter(options: PostgresWriterOptions): BatchWriter {
  const { pool } = options

  async function inTransaction(run: (client: pg.PoolClient) => Promise<void>) {
    const client = await pool.connect()
    try {
      await client.query("BEGIN")
      await run(client)
      await client.query("COMMIT")
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {})
      throw error
    } finally {
      client.release()
    }
  }

  async function insertRows<Row>(
    client: pg.PoolClient,
    table: keyof typeof insertColumns,
    rows: readonly Row[],
    toParameters: (row: Row) => SqlParameter[],
  ) {
    const perStatement = Math.floor(MAX_PARAMETERS / insertColumns[table].length)
    for (let start = 0; start < rows.length; start += perStatement) {
      const chunk = rows.slice(start, start + perStatement)
      await client.query(insertSql(table, chunk.length, "postgres"), chunk.flatMap(toParameters))
    }
  }

  async function applyUpdates(client: pg.PoolClient, updates: WriteBatch["updates"]) {
    const perStatement = Math.floor(MAX_PARAMETERS / UPDATE_TYPES.length)
    for (let start = 0; start < updates.length; start += perStatement) {
      const chunk = updates.slice(start, start + perStatement)
      let index = 0
      const values = chunk
        .map(() => `(${UPDATE_TYPES.map((type) => `$${++index}::${type}`).join(", ")})`)
        .join(", ")
      await client.query(
        `UPDATE transactions AS t SET status = v.status,
           included_block = COALESCE(v.included_block, t.included_block),
           included_at = COALESCE(v.included_at, t.included_at),
           gas_used = COALESCE(v.gas_used, t.gas_used),
           effective_gas_price = COALESCE(v.effective_gas_price, t.effective_gas_price),
           error_code = COALESCE(v.error_code, t.error_code),
           block_timestamp = COALESCE(v.block_timestamp, t.block_timestamp),
           fee_token = COALESCE(v.fee_token, t.fee_token),
           replaced_by = COALESCE(v.replaced_by, t.replaced_by)
         FROM (VALUES ${values}) AS v(hash, status, included_block, included_at, gas_used, effective_gas_price, error_code, block_timestamp, fee_token, replaced_by)
         WHERE t.hash = v.hash`,
        chunk.flatMap(updateParameters),
      )
    }
  }

  return {
    dialect: "postgres",
    target: options.target,
    busyTimeoutMs: options.busyTimeoutMs,
    async journal(rows) {
      if (rows.length === 0) return
      const perStatement = Math.floor(MAX_PARAMETERS / insertColumns.transactions.length)
      if (rows.length <= perStatement) {
        // One statement is atomic on its own: skip BEGIN/COMMIT (three round trips → one).
        await pool.query(insertSql("transactions", rows.length, "postgres"), rows.flatMap(journalParameters))
        return
      }
      await inTransaction((client) => insertRows(client, "transactions", rows, journalParameters))
    },
    async write(batch) {
      await inTransaction(async (client) => {
        if (batch.updates.length > 0) await applyUpdates(client, batch.updates)
        if (batch.metrics.length > 0)
          await insertRows(client, "task_metrics", batch.metrics, metricParameters)
        if (batch.contracts.length > 0) {
          await insertRows(client, "created_contracts", batch.contracts, contractParameters)
        }
        if (batch.assets.length > 0) await insertRows(client, "created_assets", batch.assets, assetParameters)
      })
    },
    checkpointStats: () => ({ count: 0, totalMs: 0, maxMs: 0 }),
    async close() {},
  }
}
