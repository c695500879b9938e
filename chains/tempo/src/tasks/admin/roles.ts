import { type BaseError, Ok, type Result, readValue, type TaskContext } from "@testnet/core"
import { encodeTip20GrantRole, encodeTip20HasRole } from "../../contracts/tip20.js"
import type { TempoCall } from "../../transaction/types.js"
import { roleFact } from "../shared/issuerRole.js"
import { createdByThisRun } from "../shared/ownedToken.js"
import { knownTrue, onceTrue } from "../shared/runFacts.js"

/**
 * `grantRole(role, wallet)` calls on `token` for each of `roles` the wallet lacks (the wallet is the
 * token's admin); prepend them to the batch that needs the roles.
 *
 * @example
 * const grants = await missingRoleCalls(context, token, [tip20Roles.pause, tip20Roles.unpause])
 */
export async function missingRoleCalls(
  context: TaskContext,
  token: string,
  roles: readonly string[],
): Promise<Result<TempoCall[], BaseError>> {
  // A role once held (read, or granted by a mined batch) is not read again this run; on a token
  // this run created, a role no mined batch granted is not held (and the token may not be mined yet).
  const createdHere = createdByThisRun(context, token, context.address)
  const held = await Promise.all(
    roles.map((role) =>
      createdHere
        ? Ok(knownTrue(context, roleFact(token, context.address, role)))
        : onceTrue(context, roleFact(token, context.address, role), () =>
            readValue<boolean>(context, token, encodeTip20HasRole(context.address, role), "bool"),
          ),
    ),
  )
  const calls: TempoCall[] = []
  for (const [index, has] of held.entries()) {
    if (has.isErr()) return has
    const role = roles[index]
    if (!has.value && role !== undefined)
      calls.push({ to: token, input: encodeTip20GrantRole(role, context.address) })
  }
  return Ok(calls)
}
