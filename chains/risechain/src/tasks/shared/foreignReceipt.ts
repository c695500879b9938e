import { type BaseError, Err, Ok, type Result, type TaskContext } from "@testnet/core"
import { taskFailure } from "./failure.js"

/**
 * The subset of a JSON-RPC receipt the catalog reads.
 *
 * @example
 * if (receipt.status === "0x1") console.log(receipt.blockNumber)
 */
export type RpcReceipt = {
  readonly transactionHash: string
  readonly status: string
  readonly blockNumber: string
  readonly gasUsed: string
  readonly contractAddress?: string | null
  readonly type?: string
}

/**
 * Polls `eth_getTransactionReceipt` for a transaction the runner's tracker does not know (sent by
 * an unlocked devnet account or a task-local key), every 200 ms until `timeoutMs`.
 *
 * @example
 * const receipt = await waitForForeignReceipt(context, "faucet_claim", hash)
 */
export async function waitForForeignReceipt(
  context: TaskContext,
  task: string,
  hash: string,
  timeoutMs = 30_000,
): Promise<Result<RpcReceipt, BaseError>> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (context.signal.aborted) return taskFailure(task, "aborted while waiting for a receipt")
    const receipt = await context.rpc.request<RpcReceipt | null>("eth_getTransactionReceipt", [hash], {
      signal: context.signal,
    })
    if (receipt.isErr()) return Err(receipt.error)
    if (receipt.value !== null) return Ok(receipt.value)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return taskFailure(task, `no receipt for ${hash} within ${timeoutMs} ms`)
}
