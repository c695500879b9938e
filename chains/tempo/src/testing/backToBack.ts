// Test support only (not exported): whether a task sent a step before the step ahead of it was
// mined, from the run's journal (the tracker stamps `included_at` when it sees the receipt; a task
// that waited for that receipt could only send its next step after it).
import type { SentTransaction } from "@testnet/core"
import { openDatabase, type TaskRunner } from "@testnet/core/testing"

/**
 * For each pair of consecutive `steps`: the later one was handed to the node before the earlier
 * one's receipt was seen (true), or only after it (false).
 */
export async function sentBeforeEarlierMined(
  runner: Pick<TaskRunner, "databasePath">,
  steps: readonly SentTransaction[],
): Promise<boolean[]> {
  const database = (await openDatabase({ url: runner.databasePath })).unwrap()
  try {
    const answers: boolean[] = []
    for (const [index, later] of steps.entries()) {
      const earlier = steps[index - 1]
      if (earlier === undefined) continue
      const row = (await database.queries.getTransaction({ hash: earlier.hash })).unwrap()
      if (row?.includedAt === undefined) throw new Error(`no inclusion journalled for ${earlier.hash}`)
      answers.push(later.sentAt < row.includedAt)
    }
    return answers
  } finally {
    await database.close()
  }
}
