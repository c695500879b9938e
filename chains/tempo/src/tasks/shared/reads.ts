import { type BaseError, type Result, readValue, type TaskContext } from "@testnet/core"
import { encodeTip20BalanceOf } from "../../contracts/tip20.js"

/**
 * TIP-20 `balanceOf(account)` of `token`.
 *
 * @example
 * const balance = await readBalance(context, tempoAddresses.pathUsd, context.address)
 */
export function readBalance(
  context: Pick<TaskContext, "call">,
  token: string,
  account: string,
): Promise<Result<bigint, BaseError>> {
  return readValue<bigint>(context, token, encodeTip20BalanceOf(account), "uint256")
}
