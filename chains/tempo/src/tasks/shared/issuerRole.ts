import type { TaskContext } from "@testnet/core"
import { encodeTip20GrantRole, tip20IssuerRole } from "../../contracts/tip20.js"
import type { TempoCall } from "../../transaction/types.js"
import { rememberTrue } from "./runFacts.js"

/**
 * The run fact that `account` holds the issuer role on `token` (see `issuerRoleCalls`).
 *
 * @example
 * rememberTrue(context, issuerFact(token, context.address))
 */
export function issuerFact(token: string, account: string): string {
  return `issuer:${token}:${account}`
}

/**
 * After a batch mined with status success: every `grantRole(ISSUER_ROLE, wallet)` in it took effect,
 * so the run stops asking `hasRole` for those tokens (the grant is in the receipt's batch; nothing in
 * the catalog revokes the role).
 *
 * @example
 * if (done.isOk()) rememberIssuerGrants(context, calls)
 */
export function rememberIssuerGrants(
  context: Pick<TaskContext, "runId" | "chainId" | "address">,
  calls: readonly TempoCall[],
): void {
  const grant = encodeTip20GrantRole(tip20IssuerRole, context.address).toLowerCase()
  for (const call of calls)
    if (call.to !== null && call.input?.toLowerCase() === grant)
      rememberTrue(context, issuerFact(call.to, context.address))
}
