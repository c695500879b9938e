import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import Database from "better-sqlite3"
import { afterAll, describe, expect, it, vi } from "vitest"
import { openDatabase } from "./openDatabase.js"
import { openSqlite } from "./sqlite.js"

const directory = mkdtempSync(join(tmpdir(), "testnet-sqlite-settings-"))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

function metric(index: number) {
  return {
    runId: "r",
    workerId: 1,
    walletAddress: "0x01",
    taskName: "t",
    status: "success" as const,
    durationMs: index,
    timestamp: index,
  }
}

describe("SQLite settings", () => {
  it("creates parent directories and sets WAL, synchronous=NORMAL, busy timeout, foreign keys, no auto-checkpoint", () => {
    const path = join(directory, "nested", "deeper", "settings.db")
    const connection = openSqlite({ path, busyTimeoutMs: 1234 }).unwrap()
    const pragma = (name: string) => connection.raw.pragma(name, { simple: true })
    expect(existsSync(path)).toBe(true)
    expect(pragma("journal_mode")).toBe("wal")
    expect(pragma("synchronous")).toBe(1) // NORMAL; a fresh WAL file would otherwise be FULL (2)
    expect(pragma("busy_timeout")).toBe(1234)
    expect(pragma("foreign_keys")).toBe(1)
    expect(pragma("wal_autocheckpoint")).toBe(0)
    connection.raw.close()
  })

  it("opens :memory: databases (no WAL, no checkpointer)", async () => {
    const manager = (await openDatabase({ url: ":memory:" })).unwrap()
    manager.recorder.recordTaskMetric(metric(1))
    ;(await manager.recorder.flush()).unwrap()
    expect((await manager.queries.taskMetrics()).unwrap()).toHaveLength(1)
    expect(manager.recorder.stats().checkpoints.count).toBe(0)
    await manager.close()
  })

  it.each(["worker", "main"] as const)(
    "checkpoints the WAL periodically (%s) and truncates it on close",
    async (mode) => {
      const path = join(directory, `checkpoint-${mode}.db`)
      const manager = (
        await openDatabase({ url: path, checkpointIntervalMs: 30, checkpointMode: mode })
      ).unwrap()
      for (let index = 0; index < 2000; index++) manager.recorder.recordTaskMetric(metric(index))
      ;(await manager.recorder.flush()).unwrap()
      await vi.waitFor(() => expect(manager.recorder.stats().checkpoints.count).toBeGreaterThan(0), {
        timeout: 5000,
        interval: 20,
      })
      await manager.close()
      expect(statSync(`${path}-wal`, { throwIfNoEntry: false })?.size ?? 0).toBe(0)
      const reader = new Database(path, { readonly: true })
      expect(reader.prepare("SELECT count(*) AS rows FROM task_metrics").get()).toEqual({ rows: 2000 })
      reader.close()
    },
  )
})
