/**
 * The read side of the database that tasks see (`context.database`): earlier deployments and
 * assets of the same chain.
 */
import { Ok } from "../result.js"
import type { StoredRecord, TaskDatabase } from "../tasks/context.js"
import type { CreatedAsset, CreatedContract } from "../tasks/outcome.js"
import type { DatabaseQueries } from "./queries/index.js"
import type { CreatedContractRecord } from "./queries/records.js"

function storedFields(row: CreatedContractRecord): StoredRecord<CreatedContract> {
  return {
    kind: row.kind,
    address: row.address,
    ...(row.transactionHash === undefined ? {} : { transactionHash: row.transactionHash }),
    metadata: row.metadata,
    wallet: row.wallet,
    createdAt: row.createdAt,
    runId: row.runId,
  }
}

/**
 * The read side tasks see (`context.database`), scoped to one chain id.
 *
 * @example
 * const database = createTaskDatabase({ queries: manager.queries, chainId: 31337 })
 * const counters = await database.contractsByKind({ kind: "counter", limit: 5 })
 */
export function createTaskDatabase(parameters: { queries: DatabaseQueries; chainId: number }): TaskDatabase {
  const { queries, chainId } = parameters
  const filter = (query: { kind: string; wallet?: string | undefined; limit?: number | undefined }) => ({
    kind: query.kind,
    chainId,
    ...(query.wallet === undefined ? {} : { wallet: query.wallet }),
    ...(query.limit === undefined ? {} : { limit: query.limit }),
  })
  return {
    async contractsByKind(query) {
      const rows = await queries.contractsByKind(filter(query))
      if (rows.isErr()) return rows
      return Ok(rows.value.map(storedFields))
    },
    async assetsByKind(query) {
      const rows = await queries.createdAssets(filter(query))
      if (rows.isErr()) return rows
      return Ok(
        rows.value.map(
          (row): StoredRecord<CreatedAsset> => ({
            ...storedFields(row),
            ...(row.tokenId === undefined ? {} : { tokenId: row.tokenId }),
          }),
        ),
      )
    },
  }
}
