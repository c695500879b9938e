import type { BaseError } from "../../errors/base.js"
import { Ok, type Result } from "../../result.js"
import type { TaskContext } from "../context.js"
import { taskFailure } from "./taskFailure.js"

/**
 * The subset of a JSON-RPC receipt tasks read from a transaction the runner did not send.
 *
 * @example
 * if (receipt.status === "0x1") console.log(receipt.blockNumber)
 */
export type ForeignReceipt = {
  readonly transactionHash: string
  readonly status: string
  readonly blockNumber: string
  readonly gasUsed: string
  readonly contractAddress?: string | null
  readonly type?: string
  /** The logs as the node returned them (a task can check its effect by its events, without a read). */
  readonly logs?: readonly {
    readonly address: string
    readonly topics: readonly string[]
    readonly data: string
  }[]
}

const pollMs = 200

/**
 * Waits (bounded by `timeoutMs` and the task's signal) for the receipts of transactions the run's
 * receipt tracker does not follow — sent by a faucet, an unlocked devnet account or a task-local
 * key — polling all still missing ones together every 200 ms. Every one must succeed (status 1);
 * the receipts come back in the order of `hashes`.
 *
 * @example
 * const mined = await waitForForeignReceipts(context, [hash])
 * if (mined.isErr()) return mined
 */
export async function waitForForeignReceipts(
  context: Pick<TaskContext, "rpc" | "signal" | "task">,
  hashes: readonly string[],
  timeoutMs = 30_000,
): Promise<Result<ForeignReceipt[], BaseError>> {
  const deadline = Date.now() + timeoutMs
  const found = new Map<string, ForeignReceipt>()
  for (;;) {
    const waiting = hashes.filter((hash) => !found.has(hash))
    const answers = await Promise.all(
      waiting.map((hash) =>
        context.rpc.request<ForeignReceipt | null>("eth_getTransactionReceipt", [hash], {
          signal: context.signal,
        }),
      ),
    )
    for (const [index, answer] of answers.entries()) {
      if (answer.isErr()) return answer
      const hash = waiting[index] as string
      if (answer.value === null) continue
      if (answer.value.status !== "0x1") return taskFailure(context, `transaction ${hash} failed`)
      found.set(hash, answer.value)
    }
    const missing = hashes.length - found.size
    if (missing === 0) return Ok(hashes.map((hash) => found.get(hash) as ForeignReceipt))
    if (Date.now() > deadline || context.signal.aborted)
      return taskFailure(context, `${missing} transactions not mined within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, pollMs))
  }
}
