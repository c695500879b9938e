import type { BaseError, Result, TaskContext } from "@testnet/core"

/**
 * The wallet's protocol nonce (nonce key 0) as mined (`eth_getTransactionCount(address, "latest")`).
 *
 * @example
 * const before = await minedProtocolNonce(context)
 */
export async function minedProtocolNonce(
  context: Pick<TaskContext, "rpc" | "address">,
): Promise<Result<bigint, BaseError>> {
  const count = await context.rpc.request<string>("eth_getTransactionCount", [context.address, "latest"])
  return count.map(BigInt)
}
