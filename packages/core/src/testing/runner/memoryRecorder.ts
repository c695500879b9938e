/**
 * A recorder for unit tests that keeps journaled rows and transaction updates in memory and drops
 * the rest (task metrics, contracts, assets).
 */
import type { RunRecorder } from "../../database/recorder.js"
import type { JournalRow, TransactionUpdate } from "../../database/rows.js"
import { Ok } from "../../result.js"

/**
 * Creates an in-memory recorder: `rows` are the journaled rows in order, `updates` every update in
 * order, `final` each hash's updates merged (what its journal row would end as).
 *
 * @example
 * const { recorder, rows, final } = createMemoryRecorder()
 * const tracker = createReceiptTracker({ rpc, recorder })
 */
export function createMemoryRecorder(): {
  recorder: RunRecorder
  rows: JournalRow[]
  updates: TransactionUpdate[]
  final: Map<string, TransactionUpdate>
} {
  const rows: JournalRow[] = []
  const updates: TransactionUpdate[] = []
  const final = new Map<string, TransactionUpdate>()
  const recorder: RunRecorder = {
    journalTransactions: async (journaled) => {
      rows.push(...journaled)
      return Ok(undefined)
    },
    updateTransactions: (changes) => {
      updates.push(...changes)
      for (const change of changes) final.set(change.hash, { ...final.get(change.hash), ...change })
      return true
    },
    recordTaskMetric: () => true,
    recordCreatedContract: () => true,
    recordCreatedAsset: () => true,
    flush: async () => Ok(undefined),
    underPressure: () => false,
  }
  return { recorder, rows, updates, final }
}
