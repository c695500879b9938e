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
 * The run fact that `account` holds `role` on `token` (the issuer role's is {@link issuerFact}).
 *
 * @example
 * const fact = roleFact(token, context.address, tip20Roles.pause)
 */
export function roleFact(token: string, account: string, role: string): string {
  return role.toLowerCase() === tip20IssuerRole
    ? issuerFact(token, account)
    : `role:${role}:${token}:${account}`
}

/**
 * After a batch mined with status success: every `grantRole(role, wallet)` in it took effect, so
 * the run stops asking `hasRole` for those roles and tokens (the grant is in the mined batch; nothing
 * in the catalog revokes a role).
 *
 * @example
 * if (done.isOk()) rememberIssuerGrants(context, calls)
 */
export function rememberIssuerGrants(
  context: Pick<TaskContext, "runId" | "chainId" | "address">,
  calls: readonly TempoCall[],
): void {
  const selector = encodeTip20GrantRole(tip20IssuerRole, context.address).slice(0, 10)
  const accountWord = `000000000000000000000000${context.address.slice(2).toLowerCase()}`
  for (const call of calls) {
    const input = call.input?.toLowerCase()
    if (call.to === null || input === undefined || input.length !== 138 || !input.startsWith(selector))
      continue
    if (input.slice(74) !== accountWord) continue
    rememberTrue(context, roleFact(call.to, context.address, `0x${input.slice(10, 74)}`))
  }
}
