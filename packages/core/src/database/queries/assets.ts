import type { DatabaseErrorType } from "../../errors/database.js"
import type { Result } from "../../result.js"
import { type QueryContext, runQuery } from "./context.js"
import { type CreatedAssetRecord, toCreatedAssetRecord } from "./records.js"

/**
 * Created assets, newest first, filtered by any of kind, chain, wallet and run.
 *
 * @example
 * const tokens = await createdAssets(context, { kind: "tip20", chainId: 42431 })
 */
export function createdAssets(
  context: QueryContext,
  parameters: { kind?: string; chainId?: number; wallet?: string; runId?: string; limit?: number } = {},
): Promise<Result<CreatedAssetRecord[], DatabaseErrorType>> {
  return runQuery(context, "read created assets", "created_assets", async () => {
    let query = context.db.selectFrom("created_assets").selectAll()
    if (parameters.kind !== undefined) query = query.where("kind", "=", parameters.kind)
    if (parameters.chainId !== undefined) query = query.where("chain_id", "=", parameters.chainId)
    if (parameters.wallet !== undefined) query = query.where("wallet", "=", parameters.wallet)
    if (parameters.runId !== undefined) query = query.where("run_id", "=", parameters.runId)
    if (parameters.limit !== undefined) query = query.limit(parameters.limit)
    const rows = await query.orderBy("created_at", "desc").orderBy("id", "desc").execute()
    return rows.map(toCreatedAssetRecord)
  })
}
