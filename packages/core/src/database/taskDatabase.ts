/**
 * The read side of the database that tasks see (`context.database`): earlier deployments and
 * assets of the same chain.
 */
import { Ok } from "../result.js"
import type { StoredRecord, TaskDatabase } from "../tasks/context.js"
import type { CreatedAsset } from "../tasks/outcome.js"
import type { DatabaseQueries } from "./queries/index.js"
import type { CreatedAssetRecord, CreatedContractRecord } from "./queries/records.js"

/**
 * A stored contract or asset row as tasks see it (`tokenId` only where the row has one).
 *
 * @example
 * const stored = storedRecord(row)
 */
export function storedRecord(row: CreatedContractRecord | CreatedAssetRecord): StoredRecord<CreatedAsset> {
  return {
    kind: row.kind,
    address: row.address,
    ...("tokenId" in row && row.tokenId !== undefined ? { tokenId: row.tokenId } : {}),
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
export function createTaskDatabase(parameters: {
  queries: Pick<DatabaseQueries, "contractsByKind" | "createdAssets">
  chainId: number
}): TaskDatabase {
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
      return Ok(rows.value.map(storedRecord))
    },
    async assetsByKind(query) {
      const rows = await queries.createdAssets(filter(query))
      if (rows.isErr()) return rows
      return Ok(rows.value.map(storedRecord))
    },
  }
}
