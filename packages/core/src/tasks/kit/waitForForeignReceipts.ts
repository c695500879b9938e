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
/** How often the run's head is looked at (in memory) while waiting for the next block. */
const headCheckMs = 100

/**
 * Waits (bounded by `timeoutMs` and the task's signal) for the receipts of transactions the run's
 * receipt tracker does not follow — sent by a faucet, an unlocked devnet account or a task-local
 * key — asking for all still missing ones together once per new block of the run's head (a
 * receipt can only appear with a block; a context without a head polls every 200 ms). Every one
 * must succeed (status 1); the receipts come back in the order of `hashes`.
 *
 * @example
 * const mined = await waitForForeignReceipts(context, [hash])
 * if (mined.isErr()) return mined
 */
export async function waitForForeignReceipts(
  context: Pick<TaskContext, "rpc" | "signal" | "task"> & Partial<Pick<TaskContext, "head">>,
  hashes: readonly string[],
  timeoutMs = 30_000,
): Promise<Result<ForeignReceipt[], BaseError>> {
  const deadline = Date.now() + timeoutMs
  const found = new Map<string, ForeignReceipt>()
  const headNumber = () => context.head?.()?.number
  // Sent just now: not in any block the run has seen, so the first question waits for the next.
  let askedAt = headNumber()
  if (askedAt !== undefined) await nextHead(askedAt)
  for (;;) {
    askedAt = headNumber()
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
    if (askedAt === undefined) await sleep(pollMs)
    else await nextHead(askedAt)
  }

  /** Until the run's head is past `number` (or the deadline or the signal ends the wait). */
  async function nextHead(number: bigint): Promise<void> {
    while (headNumber() === number && Date.now() <= deadline && !context.signal.aborted)
      await sleep(headCheckMs)
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
