import { type BaseError, Ok, type Result, type TaskContext } from "@testnet/core"
import { taskFailure } from "../shared/failure.js"

const pollMs = 500

/**
 * Waits (bounded) for receipts of transactions this run did not send — e.g. the faucet's —
 * polling `eth_getTransactionReceipt` for all of them in one batch every 500 ms; every one must
 * succeed. The runner's receipt tracker only follows the run's own transactions.
 *
 * @example
 * const mined = await waitForForeignReceipts(context, "faucet_fund_address", hashes, 30_000)
 */
export async function waitForForeignReceipts(
  context: Pick<TaskContext, "rpc" | "signal">,
  task: string,
  hashes: readonly string[],
  timeoutMs: number,
): Promise<Result<number, BaseError>> {
  const deadline = Date.now() + timeoutMs
  let waiting = [...hashes]
  while (waiting.length > 0) {
    const answers = await Promise.all(
      waiting.map((hash) =>
        context.rpc.request<{ status: string } | null>("eth_getTransactionReceipt", [hash]),
      ),
    )
    const next: string[] = []
    for (const [index, answer] of answers.entries()) {
      if (answer.isErr()) return answer
      if (answer.value === null) next.push(waiting[index] as string)
      else if (answer.value.status !== "0x1")
        return taskFailure(task, `faucet transaction ${waiting[index]} failed`)
    }
    waiting = next
    if (waiting.length === 0) break
    if (Date.now() > deadline || context.signal.aborted)
      return taskFailure(task, `${waiting.length} faucet transactions not mined within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, pollMs))
  }
  return Ok(hashes.length)
}
