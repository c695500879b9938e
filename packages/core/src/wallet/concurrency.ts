import { availableParallelism } from "node:os"
import { Err, Ok, type Result } from "../result.js"

/**
 * Default number of scrypt computations at once: each holds ~128 MiB, the thread pool has 4 threads.
 *
 * @example
 * defaultScryptConcurrency() // 2 on a 2-core machine
 */
export function defaultScryptConcurrency(): number {
  return Math.min(4, availableParallelism())
}

/**
 * Runs `task(index)` for every index in `[0, count)`, at most `limit` at a time, and collects the
 * values in index order. After the first error no new task starts; the error of the lowest
 * failed index is returned.
 *
 * @example
 * const decrypted = await mapConcurrently(files.length, 4, (index) => loadKeystoreFile(files[index]!, password))
 */
export async function mapConcurrently<T, E>(
  count: number,
  limit: number,
  task: (index: number) => Promise<Result<T, E>>,
  onDone?: (done: number, total: number) => void,
): Promise<Result<T[], E>> {
  const values: T[] = new Array(count)
  let next = 0
  let done = 0
  let failure: { index: number; error: E } | undefined
  async function work(): Promise<void> {
    while (failure === undefined && next < count) {
      const index = next++
      const result = await task(index)
      if (result.isErr()) {
        // Another worker may have failed meanwhile (TypeScript cannot see that across the await).
        const current = failure as { index: number } | undefined
        if (current === undefined || index < current.index) failure = { index, error: result.error }
        return
      }
      values[index] = result.value
      done += 1
      onDone?.(done, count)
    }
  }
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), count) }, work))
  return failure === undefined ? Ok(values) : Err(failure.error)
}
