import type { DatabaseErrorType } from "../../errors/database.js"
import type { Result } from "../../result.js"
import { type QueryContext, runQuery } from "./context.js"
import { type CreatedContractRecord, toCreatedContractRecord } from "./records.js"

/**
 * Contracts of one kind on one chain, from every run (newest first), so tasks can reuse what
 * earlier runs deployed. Uses index `created_contracts_kind_chain`.
 *
 * @example
 * const counters = await contractsByKind(context, { kind: "counter", chainId: 42431 })
 * if (counters.isOk() && counters.value.length > 0) interact(counters.value[0].address)
 */
export function contractsByKind(
  context: QueryContext,
  parameters: { kind: string; chainId: number; wallet?: string; limit?: number },
): Promise<Result<CreatedContractRecord[], DatabaseErrorType>> {
  return runQuery(context, "read created contracts", "created_contracts", async () => {
    let query = context.db
      .selectFrom("created_contracts")
      .selectAll()
      .where("kind", "=", parameters.kind)
      .where("chain_id", "=", parameters.chainId)
    if (parameters.wallet !== undefined) query = query.where("wallet", "=", parameters.wallet)
    if (parameters.limit !== undefined) query = query.limit(parameters.limit)
    const rows = await query.orderBy("created_at", "desc").orderBy("id", "desc").execute()
    return rows.map(toCreatedContractRecord)
  })
}
