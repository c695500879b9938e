import Database from "better-sqlite3"
import pg from "pg"
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest"
import type { DatabaseErrorType } from "../errors/database.js"
import { bothDialects, createTestTarget } from "../testing/database/dialects.js"
import { type OpenDatabaseOptions, openDatabase } from "./openDatabase.js"
import type { JournalRow, TaskMetricRow } from "./rows.js"

const RUN = "run-recorder"

function metric(index: number): TaskMetricRow {
  return {
    runId: RUN,
    workerId: index % 7,
    walletAddress: `0x${(index % 13).toString(16).padStart(40, "0")}`,
    taskName: `task_${index % 3}`,
    status: "success",
    durationMs: index,
    timestamp: 1_700_000_000_000 + index,
  }
}

function journal(index: number): JournalRow {
  return {
    hash: `0x${index.toString(16).padStart(64, "0")}`,
    runId: RUN,
    chainId: 1337,
    wallet: "0x0000000000000000000000000000000000000001",
    nonceKey: 0n,
    nonce: BigInt(index),
    task: "transfer",
    sentAt: 1_700_000_000_000 + index,
  }
}

describe.each(bothDialects)("recorder on %s", (dialect) => {
  const target = createTestTarget(dialect)
  beforeAll(() => target.start())
  afterAll(() => target.stop())

  async function open(recorder: OpenDatabaseOptions["recorder"] = {}) {
    const url = await target.newUrl()
    const errors: DatabaseErrorType[] = []
    const opened = await openDatabase({
      url,
      recorder: { onError: (error) => errors.push(error), ...recorder },
    })
    if (opened.isErr()) throw opened.error
    const manager = opened.value
    const count = async (table: "task_metrics" | "transactions") => {
      const row = await manager.db
        .selectFrom(table)
        .select((builder) => builder.fn.countAll<number>().as("rows"))
        .executeTakeFirstOrThrow()
      return Number(row.rows)
    }
    return { url, manager, errors, count }
  }

  /** Reads a journal row through a second, independent connection: proves it is committed. */
  async function readFromAnotherConnection(url: string, hash: string): Promise<string | undefined> {
    if (dialect === "sqlite") {
      const other = new Database(url, { readonly: true })
      try {
        const row = other.prepare("SELECT status FROM transactions WHERE hash = ?").get(hash) as
          | { status: string }
          | undefined
        return row?.status
      } finally {
        other.close()
      }
    }
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      const result = await client.query<{ status: string }>(
        "SELECT status FROM transactions WHERE hash = $1",
        [hash],
      )
      return result.rows[0]?.status
    } finally {
      await client.end()
    }
  }

  it("commits the journal before journalTransactions resolves, ignoring re-sent hashes", async () => {
    const { url, manager, count } = await open()
    const rows = Array.from({ length: 250 }, (_, index) => journal(index))
    expect((await manager.recorder.journalTransactions(rows)).isOk()).toBe(true)
    expect(await readFromAnotherConnection(url, rows[249]!.hash)).toBe("pending")
    // A rebroadcast of the same signed transaction journals the same hash again: no error, no duplicate.
    expect((await manager.recorder.journalTransactions(rows.slice(0, 3))).isOk()).toBe(true)
    expect(await count("transactions")).toBe(250)
    expect(manager.recorder.stats().journalled).toBe(253)
    await manager.close()
  })

  it("returns a DatabaseError from a failed journal write and reports it", async () => {
    const { manager, errors } = await open()
    const broken = { ...journal(1), wallet: null } as unknown as JournalRow
    const result = await manager.recorder.journalTransactions([journal(0), broken])
    expect(result.isErr() && result.error.code).toBe("DATABASE_CONSTRAINT_VIOLATION")
    expect(errors.map((error) => error.name)).toEqual(["DatabaseConstraintError"])
    expect(manager.recorder.stats().failures).toBe(1)
    // One transaction: the valid row was rolled back with the broken one (never broadcast either).
    expect((await manager.queries.getTransaction({ hash: journal(0).hash })).unwrap()).toBeUndefined()
    await manager.close()
  })

  it("flushes when the queue reaches flushRows", async () => {
    const { manager, count } = await open({ flushRows: 50, flushIntervalMs: 60_000 })
    for (let index = 0; index < 49; index++) manager.recorder.recordTaskMetric(metric(index))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(await count("task_metrics")).toBe(0)
    manager.recorder.recordTaskMetric(metric(49))
    await vi.waitFor(async () => expect(await count("task_metrics")).toBe(50), {
      timeout: 2000,
      interval: 10,
    })
    expect(manager.recorder.stats()).toMatchObject({ queued: 0, written: 50, flushes: 1 })
    await manager.close()
  })

  it("flushes on the interval when fewer rows are queued", async () => {
    const { manager, count } = await open({ flushRows: 1000, flushIntervalMs: 40 })
    for (let index = 0; index < 3; index++) manager.recorder.recordTaskMetric(metric(index))
    expect(await count("task_metrics")).toBe(0)
    await vi.waitFor(async () => expect(await count("task_metrics")).toBe(3), { timeout: 2000, interval: 10 })
    await manager.close()
  })

  it("applies buffered transaction updates in order, merging updates of one hash", async () => {
    const { manager } = await open({ flushIntervalMs: 60_000 })
    await manager.recorder.journalTransactions([journal(1), journal(2)])
    manager.recorder.updateTransactions([
      { hash: journal(1).hash, status: "included", includedBlock: 5n, gasUsed: 21_000n },
    ])
    manager.recorder.updateTransactions([
      { hash: journal(1).hash, status: "replaced", errorCode: "REPLACED" },
      { hash: journal(2).hash, status: "failed", includedAt: 99, effectiveGasPrice: 7n },
      { hash: "0xunknown", status: "dropped" },
    ])
    ;(await manager.recorder.flush()).unwrap()
    const first = (await manager.queries.getTransaction({ hash: journal(1).hash })).unwrap()
    expect(first).toMatchObject({
      status: "replaced",
      includedBlock: 5n,
      gasUsed: 21_000n,
      errorCode: "REPLACED",
    })
    const second = (await manager.queries.getTransaction({ hash: journal(2).hash })).unwrap()
    expect(second).toMatchObject({
      status: "failed",
      includedAt: 99,
      effectiveGasPrice: 7n,
      gasUsed: undefined,
    })
    await manager.close()
  })

  it("applies back-pressure when the queue is full and releases it after a flush", async () => {
    const { manager, count } = await open({ flushRows: 25, flushIntervalMs: 60_000, maxQueueRows: 100 })
    await manager.recorder.waitForCapacity() // room: resolves at once
    const accepted: boolean[] = []
    for (let index = 0; index < 120; index++) accepted.push(manager.recorder.recordTaskMetric(metric(index)))
    expect(accepted.slice(0, 99).every(Boolean)).toBe(true)
    expect(accepted.slice(99).some(Boolean)).toBe(false) // full, but nothing dropped
    await manager.recorder.waitForCapacity()
    expect(manager.recorder.stats().queued).toBeLessThan(100)
    ;(await manager.recorder.flush()).unwrap()
    expect(await count("task_metrics")).toBe(120)
    await manager.close()
  })

  it("drains everything on close", async () => {
    const { url, manager } = await open({ flushRows: 500, flushIntervalMs: 60_000, maxQueueRows: 10_000 })
    for (let index = 0; index < 1234; index++) manager.recorder.recordTaskMetric(metric(index))
    expect((await manager.close()).isOk()).toBe(true)
    expect(() => manager.recorder.recordTaskMetric(metric(0))).toThrow(/closed/)
    const reopened = (await openDatabase({ url })).unwrap()
    expect((await reopened.queries.taskMetrics({ runId: RUN })).unwrap()).toHaveLength(1234)
    await reopened.close()
  })

  it("surfaces write failures: retries rows alone once, keeps the failing one as a dead letter", async () => {
    const { manager, errors, count } = await open({ flushRows: 100, flushIntervalMs: 60_000 })
    for (let index = 0; index < 10; index++) {
      const row =
        index === 4 ? ({ ...metric(index), taskName: null } as unknown as TaskMetricRow) : metric(index)
      manager.recorder.recordTaskMetric(row)
    }
    const flushed = await manager.recorder.flush()
    expect(flushed.isErr() && flushed.error.name).toBe("DatabaseConstraintError")
    expect(await count("task_metrics")).toBe(9)
    expect(manager.recorder.stats()).toMatchObject({ failures: 1, deadLetters: 1, written: 9, queued: 0 })
    expect(manager.recorder.deadLetters()[0]?.item).toMatchObject({ kind: "metric", row: { durationMs: 4 } })
    expect(errors.map((error) => error.code)).toEqual([
      "DATABASE_CONSTRAINT_VIOLATION",
      "DATABASE_CONSTRAINT_VIOLATION",
    ])
    expect(errors[0]?.target).toBe(manager.target)
    await manager.close()
  })
})
