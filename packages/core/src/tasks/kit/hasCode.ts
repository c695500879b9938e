import type { BaseError } from "../../errors/base.js"
import type { Result } from "../../result.js"
import type { TaskContext } from "../context.js"

/**
 * Whether `address` holds code at the latest block (one `eth_getCode`).
 *
 * @example
 * const present = await hasCode(context, multicall3Address)
 * if (present.isErr()) return present
 */
export async function hasCode(
  context: Pick<TaskContext, "rpc" | "signal">,
  address: string,
): Promise<Result<boolean, BaseError>> {
  const code = await context.rpc.request<string>("eth_getCode", [address, "latest"], {
    signal: context.signal,
  })
  return code.map((value) => value !== "0x" && value !== "")
}
