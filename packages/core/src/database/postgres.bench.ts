import { afterAll, bench, describe } from "vitest"
import { benchJournalRow } from "../testing/database/benchRows.js"
import { startTestPostgres } from "../testing/database/postgresServer.js"
import { openDatabase } from "./openDatabase.js"
import type { JournalRow, TaskMetricRow } from "./rows.js"

// The recorder on PostgreSQL (a local server started for the run, fsync off: this measures the
// client path — statement building, pg round trips, one transaction per flush — not the disk).
// Run with the SQLite benchmarks: cd packages/core && npx vitest bench --run src/database

const ROWS = 1000
const server = await startTestPostgres()
const manager = (await openDatabase({ url: await server.createDatabase("bench") })).unwrap()
let sequence = 0

afterAll(async () => {
  await manager.close()
  await server.stop()
})

function metric(): TaskMetricRow {
  sequence++
  return {
    runId: "bench-run",
    workerId: sequence % 64,
    walletAddress: `0x${(sequence % 1000).toString(16).padStart(40, "0")}`,
    taskName: `task_${sequence % 12}`,
    status: "success",
    durationMs: (sequence * 7919) % 3000,
    timestamp: 1_700_000_000_000 + sequence,
  }
}

describe(`PostgreSQL recorder (${ROWS} rows per iteration)`, () => {
  bench(
    "recorder: recordTaskMetric × rows, then flush (500 rows per transaction)",
    async () => {
      for (let index = 0; index < ROWS; index++) manager.recorder.recordTaskMetric(metric())
      ;(await manager.recorder.flush()).unwrap()
    },
    { time: 3000 },
  )

  bench(
    "recorder: journalTransactions, 100 rows per call, then updateTransactions + flush",
    async () => {
      const hashes: string[] = []
      for (let call = 0; call < ROWS / 100; call++) {
        const rows: JournalRow[] = []
        for (let index = 0; index < 100; index++) {
          sequence++
          rows.push(benchJournalRow(sequence))
        }
        ;(await manager.recorder.journalTransactions(rows)).unwrap()
        for (const row of rows) hashes.push(row.hash)
      }
      manager.recorder.updateTransactions(
        hashes.map((hash) => ({
          hash,
          status: "included",
          includedBlock: 1n,
          includedAt: Date.now(),
          gasUsed: 21_000n,
        })),
      )
      ;(await manager.recorder.flush()).unwrap()
    },
    { time: 3000 },
  )
})
