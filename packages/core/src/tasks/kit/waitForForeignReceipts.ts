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
 * key. In a run, a receipt is asked for once, when the run's block feed saw the transaction in a
 * block (`context.includedIn`), and otherwise every 3 new blocks (a transaction the feed missed);
 * a context with a head but no inclusions asks once per new block, one with neither every 200 ms.
 * Every one must succeed (status 1); the receipts come back in the order of `hashes`.
 *
 * @example
 * const mined = await waitForForeignReceipts(context, [hash])
 * if (mined.isErr()) return mined
 */
export async function waitForForeignReceipts(
  context: Pick<TaskContext, "rpc" | "signal" | "task"> & Partial<Pick<TaskContext, "head" | "includedIn">>,
  hashes: readonly string[],
  timeoutMs = 30_000,
): Promise<Result<ForeignReceipt[], BaseError>> {
  const deadline = Date.now() + timeoutMs
  const found = new Map<string, ForeignReceipt>()
  const headNumber = () => context.head?.()?.number
  /** Hashes asked for because a block had them: asked that way once, then by the fallback only. */
  const askedOnSight = new Set<string>()
  const newlySeen = () =>
    hashes.filter(
      (hash) => !found.has(hash) && !askedOnSight.has(hash) && context.includedIn?.(hash) !== undefined,
    )
  // Blocks after a question before asking again without a sighting.
  const patience = context.includedIn === undefined ? 1n : 3n
  // Sent just now: not in any block the run has seen, so the first question waits.
  let askedAt = headNumber()
  if (askedAt !== undefined) await sightingOrBlocks(askedAt)
  for (;;) {
    askedAt = headNumber()
    const seen = newlySeen()
    for (const hash of seen) askedOnSight.add(hash)
    const waiting = seen.length > 0 ? seen : hashes.filter((hash) => !found.has(hash))
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
    else await sightingOrBlocks(askedAt)
  }

  /** Until a block has a missing hash, or the head is `patience` blocks past `from` (or time is up). */
  async function sightingOrBlocks(from: bigint): Promise<void> {
    while (Date.now() <= deadline && !context.signal.aborted) {
      const head = headNumber()
      if (head !== undefined && head - from >= patience) return
      if (newlySeen().length > 0) return
      await sleep(headCheckMs)
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
