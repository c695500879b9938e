import { type BaseError, Ok, type Result, type TaskContext } from "@testnet/core"
import { id } from "ethers"
import type { TempoCall } from "../../transaction/types.js"
import { issuerRoleCalls, mintIfShort } from "./ownedToken.js"

const burnTopic = id("Burn(address,uint256)")

/**
 * The batch that burns `amount` of the wallet's own `token` with `burnCall`: the issuer-role grant
 * when the wallet lacks it, a mint when its balance may be short, then the burn; `minted` is what
 * the mint adds (0n without one).
 *
 * @example
 * const batch = await ownTokenBurnCalls(context, token, amount, { to: token, input: encodeTip20Burn(amount) })
 */
export async function ownTokenBurnCalls(
  context: TaskContext,
  token: string,
  amount: bigint,
  burnCall: TempoCall,
): Promise<Result<{ readonly calls: TempoCall[]; readonly minted: bigint }, BaseError>> {
  const [role, short] = await Promise.all([
    issuerRoleCalls(context, token),
    mintIfShort(context, token, amount),
  ])
  if (role.isErr()) return role
  if (short.isErr()) return short
  return Ok({ calls: [...role.value, ...short.value.calls, burnCall], minted: short.value.minted })
}

/**
 * Whether `logs` hold a TIP-20 `Burn(from, amount)` of exactly `amount`.
 *
 * @example
 * if (!hasBurnLog(done.value.receipt.logs, amount)) return taskFailure(context, `no Burn log of ${amount}`)
 */
export function hasBurnLog(
  logs: readonly { readonly topics: readonly string[]; readonly data: string }[],
  amount: bigint,
) {
  return logs.some(
    (log) => log.topics[0] === burnTopic && log.data.length >= 66 && BigInt(log.data.slice(0, 66)) === amount,
  )
}
