/**
 * A recorder for unit tests that keeps journaled rows and transaction updates in memory and drops
 * the rest (task metrics, contracts, assets).
 */
import { Ok } from "../../result.js"
import type { RunnerJournalRow, RunnerRecorder, RunnerTransactionUpdate } from "../../runner/recorderPort.js"

/**
 * Creates an in-memory recorder: `rows` are the journaled rows in order, `updates` every update in
 * order, `final` each hash's updates merged (what its journal row would end as).
 *
 * @example
 * const { recorder, rows, final } = createMemoryRecorder()
 * const tracker = createReceiptTracker({ rpc, recorder })
 */
export function createMemoryRecorder(): {
  recorder: RunnerRecorder
  rows: RunnerJournalRow[]
  updates: RunnerTransactionUpdate[]
  final: Map<string, RunnerTransactionUpdate>
} {
  const rows: RunnerJournalRow[] = []
  const updates: RunnerTransactionUpdate[] = []
  const final = new Map<string, RunnerTransactionUpdate>()
  const recorder: RunnerRecorder = {
    journal: async (journaled) => {
      rows.push(...journaled)
      return Ok(undefined)
    },
    update: (changes) => {
      updates.push(...changes)
      for (const change of changes) final.set(change.hash, { ...final.get(change.hash), ...change })
    },
    taskMetric: () => {},
    contract: () => {},
    asset: () => {},
    flush: async () => {},
  }
  return { recorder, rows, updates, final }
}
