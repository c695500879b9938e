/**
 * The read side of the database that tasks see (`context.database`): earlier deployments and
 * assets of the same chain.
 */
import { Ok } from "../result.js"
import type { StoredRecord, TaskDatabase } from "../tasks/context.js"
import type { CreatedAsset, CreatedContract } from "../tasks/outcome.js"
import type { DatabaseQueries } from "./queries/index.js"

/**
 * The read side tasks see (`context.database`), scoped to one chain id.
 *
 * @example
 * const database = createTaskDatabase({ queries: manager.queries, chainId: 31337 })
 * const counters = await database.contractsByKind({ kind: "counter", limit: 5 })
 */
export function createTaskDatabase(parameters: { queries: DatabaseQueries; chainId: number }): TaskDatabase {
  const { queries, chainId } = parameters
  return {
    async contractsByKind({ kind, wallet, limit }) {
      const rows = await queries.contractsByKind({
        kind,
        chainId,
        ...(wallet === undefined ? {} : { wallet }),
        ...(limit === undefined ? {} : { limit }),
      })
      if (rows.isErr()) return rows
      return Ok(
        rows.value.map(
          (row): StoredRecord<CreatedContract> => ({
            kind: row.kind,
            address: row.address,
            ...(row.transactionHash === undefined ? {} : { transactionHash: row.transactionHash }),
            metadata: row.metadata,
            wallet: row.wallet,
            createdAt: row.createdAt,
            runId: row.runId,
          }),
        ),
      )
    },
    async assetsByKind({ kind, wallet, limit }) {
      const rows = await queries.createdAssets({
        kind,
        chainId,
        ...(wallet === undefined ? {} : { wallet }),
        ...(limit === undefined ? {} : { limit }),
      })
      if (rows.isErr()) return rows
      return Ok(
        rows.value.map(
          (row): StoredRecord<CreatedAsset> => ({
            kind: row.kind,
            address: row.address,
            ...(row.tokenId === undefined ? {} : { tokenId: row.tokenId }),
            ...(row.transactionHash === undefined ? {} : { transactionHash: row.transactionHash }),
            metadata: row.metadata,
            wallet: row.wallet,
            createdAt: row.createdAt,
            runId: row.runId,
          }),
        ),
      )
    },
  }
}
