/**
 * A recorder for unit tests that keeps the transaction updates in memory and drops the rest.
 */
import { Ok } from "../../result.js"
import type { RunnerRecorder, RunnerTransactionUpdate } from "../recorderPort.js"

/**
 * Creates an in-memory recorder and the list its updates go to.
 *
 * @example
 * const { recorder, updates } = createMemoryRecorder()
 * const tracker = createReceiptTracker({ rpc, recorder })
 */
export function createMemoryRecorder(): { recorder: RunnerRecorder; updates: RunnerTransactionUpdate[] } {
  const updates: RunnerTransactionUpdate[] = []
  const recorder: RunnerRecorder = {
    journal: async () => Ok(undefined),
    update: (rows) => updates.push(...rows),
    taskMetric: () => {},
    contract: () => {},
    asset: () => {},
    flush: async () => {},
  }
  return { recorder, updates }
}
