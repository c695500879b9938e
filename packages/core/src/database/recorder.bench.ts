import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { monitorEventLoopDelay } from "node:perf_hooks"
import Database from "better-sqlite3"
import { afterAll, bench, describe } from "vitest"
import { benchJournalRow } from "../testing/database/benchRows.js"
import { openDatabase } from "./openDatabase.js"
import type { JournalRow, TaskMetricRow } from "./rows.js"
import { insertSql, metricParameters } from "./statements.js"

// Recorder throughput against the raw better-sqlite3 ceiling, and event-loop delay under load.
// Run:  cd packages/core && npx vitest bench --run src/database
// Each throughput iteration writes ROWS task metrics: rows/s = hz × ROWS. The event-loop
// measurement runs once (in the first bench's setup) and prints one JSON line.
// Results are recorded in docs/benchmarks/database.md.

const ROWS = 1000
const directory = mkdtempSync(join(tmpdir(), "testnet-db-bench-"))
let sequence = 0

function metric(): TaskMetricRow {
  sequence++
  return {
    runId: "bench-run",
    workerId: sequence % 64,
    walletAddress: `0x${(sequence % 1000).toString(16).padStart(40, "0")}`,
    taskName: `task_${sequence % 12}`,
    category: "token",
    status: sequence % 20 === 0 ? "failure" : "success",
    durationMs: (sequence * 7919) % 3000,
    timestamp: 1_700_000_000_000 + sequence,
  }
}

// The recorder, on its own file (default options: 500 rows per flush transaction).
const recorderManager = (await openDatabase({ url: join(directory, "recorder.db") })).unwrap()

// Raw better-sqlite3 on a second file with the same schema and indices, one transaction per 100 rows.
;(await (await openDatabase({ url: join(directory, "raw.db") })).unwrap().close()).unwrap()
const raw = new Database(join(directory, "raw.db"))
raw.pragma("journal_mode = WAL")
raw.pragma("synchronous = NORMAL")
// No checkpoints inside the measured inserts (the recorder's run between flushes): pure insert cost.
raw.pragma("wal_autocheckpoint = 0")
const rawInsert = raw.prepare(insertSql("task_metrics", 1, "sqlite"))
const rawBatch = raw.transaction((rows: TaskMetricRow[]) => {
  for (const row of rows) rawInsert.run(metricParameters(row))
})

/** Records `rowsPerSecond` rows (journal + updates + metrics) for `seconds`; returns loop-delay stats. */
type Mode = "control" | "main" | "main-250ms" | "main-100rows" | "worker"

async function measureEventLoop(rowsPerSecond: number, seconds: number, mode: Mode) {
  // "control" runs the same timer loop without writing: the delay the machine adds by itself.
  const manager = (
    await openDatabase({
      url: join(directory, `event-loop-${mode}.db`),
      checkpointMode: mode === "worker" ? "worker" : "main",
      ...(mode === "main-250ms" ? { checkpointIntervalMs: 250 } : {}),
      ...(mode === "main-100rows" ? { recorder: { rowsPerTransaction: 100 } } : {}),
    })
  ).unwrap()
  const cpuBefore = process.cpuUsage()
  const histogram = monitorEventLoopDelay({ resolution: 1 })
  const tickMs = 10
  const perTick = Math.round((rowsPerSecond * tickMs) / 1000)
  // Per tick: 10 % journal rows (committed at once, as before a broadcast), 10 % updates, 80 % metrics.
  const journalPerTick = Math.round(perTick / 10)
  let journalled = 0
  let ticks = 0
  let behind = 0
  histogram.enable()
  const started = performance.now()
  await new Promise<void>((resolve) => {
    const timer = setInterval(async () => {
      const due = Math.floor((performance.now() - started) / tickMs)
      if (due >= (seconds * 1000) / tickMs) {
        clearInterval(timer)
        resolve()
        return
      }
      // Catch up if timers fired late, so the offered load stays at rowsPerSecond.
      const batches = Math.max(1, due - ticks)
      behind = Math.max(behind, batches - 1)
      for (let batch = 0; batch < batches; batch++) {
        ticks++
        if (mode === "control") continue
        const rows: JournalRow[] = []
        for (let index = 0; index < journalPerTick; index++) {
          journalled++
          rows.push({
            hash: `0x${journalled.toString(16).padStart(64, "0")}`,
            runId: "bench-run",
            chainId: 1337,
            wallet: "0x0000000000000000000000000000000000000001",
            nonceKey: 0n,
            nonce: BigInt(journalled),
            task: "transfer",
            sentAt: Date.now(),
          })
        }
        await manager.recorder.journalTransactions(rows)
        manager.recorder.updateTransactions(
          rows.map((row) => ({ hash: row.hash, status: "included", includedBlock: 1n, gasUsed: 21_000n })),
        )
        for (let index = 0; index < perTick - 2 * journalPerTick; index++) {
          if (!manager.recorder.recordTaskMetric(metric())) await manager.recorder.waitForCapacity()
        }
      }
    }, tickMs)
  })
  const elapsedSeconds = (performance.now() - started) / 1000
  await manager.recorder.flush()
  histogram.disable()
  const stats = manager.recorder.stats()
  await manager.close()
  const cpu = process.cpuUsage(cpuBefore)
  const rowsWritten = stats.written + stats.journalled
  return {
    mode,
    offeredRowsPerSecond: mode === "control" ? 0 : rowsPerSecond,
    cpuMicrosecondsPerRow: rowsWritten === 0 ? 0 : Number(((cpu.user + cpu.system) / rowsWritten).toFixed(2)),
    processCpuCores: Number(((cpu.user + cpu.system) / 1e6 / elapsedSeconds).toFixed(2)),
    writtenRowsPerSecond: Math.round((stats.written + stats.journalled) / elapsedSeconds),
    seconds: Number(elapsedSeconds.toFixed(2)),
    eventLoopDelayMs: {
      p50: Number((histogram.percentile(50) / 1e6).toFixed(2)),
      p99: Number((histogram.percentile(99) / 1e6).toFixed(2)),
      max: Number((histogram.max / 1e6).toFixed(2)),
    },
    maxFlushMs: Number(stats.maxFlushMs.toFixed(2)),
    checkpoints: { count: stats.checkpoints.count, maxMs: Number(stats.checkpoints.maxMs.toFixed(2)) },
    failures: stats.failures,
  }
}

const eventLoop: Awaited<ReturnType<typeof measureEventLoop>>[] = []

afterAll(async () => {
  await recorderManager.close()
  raw.close()
  for (const result of eventLoop) console.log(`event-loop: ${JSON.stringify(result)}`)
})

describe(`task-metric writes (${ROWS} rows per iteration)`, () => {
  bench(
    "raw better-sqlite3: prepared INSERT, one transaction per 100 rows",
    () => {
      for (let start = 0; start < ROWS; start += 100) {
        rawBatch(Array.from({ length: 100 }, metric))
      }
    },
    {
      time: 3000,
      setup: async () => {
        if (eventLoop.length > 0) return
        // Interleaved so that background load hits the three alike.
        const modes: Mode[] = ["control", "main", "main-250ms", "main-100rows", "worker"]
        for (const mode of [...modes, ...modes]) {
          eventLoop.push(await measureEventLoop(20_000, 3, mode))
        }
      },
    },
  )

  bench(
    "recorder: recordTaskMetric × rows, then flush (500 rows per transaction)",
    async () => {
      for (let index = 0; index < ROWS; index++) recorderManager.recorder.recordTaskMetric(metric())
      await recorderManager.recorder.flush()
    },
    { time: 3000 },
  )

  let journalled = 0
  bench(
    "recorder: journalTransactions, 100 rows per call (committed per call, as before each broadcast batch)",
    async () => {
      for (let call = 0; call < ROWS / 100; call++) {
        const rows: JournalRow[] = []
        for (let index = 0; index < 100; index++) {
          journalled++
          rows.push(benchJournalRow(journalled))
        }
        ;(await recorderManager.recorder.journalTransactions(rows)).unwrap()
      }
    },
    { time: 3000 },
  )
})
