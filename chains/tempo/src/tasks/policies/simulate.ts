import { type BaseError, Ok, type Result, type TaskContext } from "@testnet/core"

/**
 * What an `eth_call` from the wallet did: `undefined` when it would succeed, else the 4-byte
 * selector of its revert data (`"0x"` when the node gave none). Other errors (RPC down) are errors.
 *
 * @example
 * const refused = await simulateRevert(context, token, encodeTip20Transfer(outsider, 1n))
 * if (refused.isOk() && refused.value === policyForbidsSelector) …
 */
export async function simulateRevert(
  context: Pick<TaskContext, "call" | "address">,
  to: string,
  data: string,
): Promise<Result<string | undefined, BaseError>> {
  const result = await context.call({ to, data, from: context.address })
  if (result.isOk()) return Ok(undefined)
  const error = result.error as BaseError & { data?: unknown }
  if (error.code !== "RPC_EXECUTION_REVERTED") return result
  return Ok(typeof error.data === "string" ? error.data.slice(0, 10) : "0x")
}
