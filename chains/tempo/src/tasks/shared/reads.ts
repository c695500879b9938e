import { type BaseError, Ok, type Result, type TaskContext } from "@testnet/core"
import { AbiCoder } from "ethers"
import { encodeTip20BalanceOf } from "../../contracts/tip20.js"

type Reader = Pick<TaskContext, "call">

/**
 * `eth_call` decoding one static return value (uint, address, bool …).
 *
 * @example
 * const number = await readValue<bigint>(context, counterAddress, counter.encodeFunctionData("number"), "uint256")
 */
export async function readValue<T>(
  context: Reader,
  to: string,
  data: string,
  type: string,
): Promise<Result<T, BaseError>> {
  const result = await context.call({ to, data })
  if (result.isErr()) return result
  return Ok(AbiCoder.defaultAbiCoder().decode([type], result.value)[0] as T)
}

/**
 * TIP-20 `balanceOf(account)` of `token`.
 *
 * @example
 * const balance = await readBalance(context, tempoAddresses.pathUsd, context.address)
 */
export function readBalance(
  context: Reader,
  token: string,
  account: string,
): Promise<Result<bigint, BaseError>> {
  return readValue<bigint>(context, token, encodeTip20BalanceOf(account), "uint256")
}
