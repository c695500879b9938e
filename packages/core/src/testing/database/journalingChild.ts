// Child process for the kill -9 test: journals batches in a loop and, after each commit, prints the
// hashes it would now broadcast. Bundled by the test with esbuild and run with plain node.
import { openDatabase } from "../../database/openDatabase.js"

const path = process.argv[2] ?? ""
const manager = (await openDatabase({ url: path })).unwrap()
let sequence = 0
for (;;) {
  const rows = Array.from({ length: 50 }, () => {
    sequence++
    return {
      hash: `0x${sequence.toString(16).padStart(64, "0")}`,
      runId: "kill-test",
      chainId: 1,
      wallet: "0x0000000000000000000000000000000000000001",
      nonceKey: 0n,
      nonce: BigInt(sequence),
      task: "transfer",
      sentAt: Date.now(),
    }
  })
  const journalled = await manager.recorder.journalTransactions(rows)
  if (journalled.isErr()) throw journalled.error
  // "Broadcast": from here on the transactions are public; the test records them.
  process.stdout.write(`${rows.map((row) => row.hash).join("\n")}\n`)
  for (const row of rows)
    manager.recorder.recordTaskMetric({
      runId: "kill-test",
      workerId: 0,
      walletAddress: row.wallet,
      taskName: row.task,
      status: "success",
      durationMs: 1,
      timestamp: Date.now(),
    })
  await new Promise((resolve) => setImmediate(resolve))
}
