import { createRequire } from "node:module"
import { Worker } from "node:worker_threads"
import type { CheckpointStats } from "./writer.js"

/**
 * Runs `PRAGMA wal_checkpoint(PASSIVE)` periodically.
 *
 * @example
 * const checkpointer = startWorkerCheckpointer({ path, intervalMs: 1000, busyTimeoutMs: 5000 })
 * checkpointer.stats() // { count, totalMs, maxMs }
 * await checkpointer.stop()
 */
export type Checkpointer = {
  stats(): CheckpointStats
  stop(): Promise<void>
}

// Plain CommonJS so it needs no file of its own (bundlers would not copy one).
const workerSource = `
const { parentPort, workerData } = require("node:worker_threads")
const Database = require(workerData.driver)
const db = new Database(workerData.path, { timeout: workerData.busyTimeoutMs })
const checkpoint = db.prepare("PRAGMA wal_checkpoint(PASSIVE)")
const stats = { count: 0, totalMs: 0, maxMs: 0 }
const timer = setInterval(() => {
  const started = performance.now()
  try { checkpoint.get() } catch { return }
  const elapsed = performance.now() - started
  stats.count++; stats.totalMs += elapsed; stats.maxMs = Math.max(stats.maxMs, elapsed)
  parentPort.postMessage(stats)
}, workerData.intervalMs)
parentPort.on("message", (message) => {
  if (message !== "stop") return
  clearInterval(timer)
  db.close()
  parentPort.postMessage("stopped")
})
`

/**
 * Checkpoints a WAL database from a worker thread with its own read connection, so the copy
 * of WAL pages into the database file and its fsync (13–150 ms measured on this machine)
 * never run on the event loop. PASSIVE checkpoints never block the writer, and the writer
 * never waits for them: SQLite lets one checkpointer and one writer work at the same time.
 *
 * @example
 * const checkpointer = startWorkerCheckpointer({ path: "./data/tempo.db", intervalMs: 1000, busyTimeoutMs: 5000 })
 */
export function startWorkerCheckpointer(options: {
  path: string
  intervalMs: number
  busyTimeoutMs: number
}): Checkpointer {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3")
  const worker = new Worker(workerSource, {
    eval: true,
    workerData: {
      driver,
      path: options.path,
      intervalMs: options.intervalMs,
      busyTimeoutMs: options.busyTimeoutMs,
    },
  })
  worker.unref()
  let latest: CheckpointStats = { count: 0, totalMs: 0, maxMs: 0 }
  let stopped: Promise<void> | undefined
  worker.on("message", (message: CheckpointStats | "stopped") => {
    if (message !== "stopped") latest = message
  })
  // A failing checkpointer only lets the WAL grow until the writer's final checkpoint.
  worker.on("error", () => {})
  return {
    stats: () => ({ ...latest }),
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        const done = () => resolve()
        worker.once("exit", done)
        worker.on("message", (message) => {
          if (message === "stopped") void worker.terminate().then(done, done)
        })
        worker.postMessage("stop")
        setTimeout(() => void worker.terminate().then(done, done), 2000).unref()
      })
      return stopped
    },
  }
}
