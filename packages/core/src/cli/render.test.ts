import { describe, expect, it } from "vitest"
import type { RunSnapshot, RunSummary } from "../runner/statistics/statistics.js"
import {
  createProgressRenderer,
  eraseLines,
  progressJsonLine,
  renderProgressLines,
  terminalRows,
} from "./progress.js"
import { renderRunSummary, runSummaryJson } from "./summary.js"
import { formatDuration, formatPercent, renderTable } from "./table.js"

const snapshot: RunSnapshot = {
  elapsedMs: 12_000,
  draining: false,
  tasksStarted: 600,
  tasksInFlight: 31,
  tasksSucceeded: 560,
  tasksFailed: 9,
  skippedStarts: 0,
  sent: 580,
  included: 561,
  reverted: 2,
  rejected: 1,
  dropped: 0,
  pendingTransactions: 18,
  currentTps: 48.66,
  currentTaskStartsPerSecond: 49.8,
  targetTps: 50,
  inclusionLatencyMs: { p50: 640, p95: 1_180 },
  topErrors: [{ code: "RPC_NONCE_TOO_LOW", count: 1 }],
}

const summary: RunSummary = {
  durationMs: 65_000,
  setupMs: 3_200,
  drainMs: 1_900,
  sendingWindow: { startedAt: 1_700_000_000_000, endedAt: 1_700_000_065_000 },
  stopReason: "duration",
  tasksStarted: 3_000,
  skippedStarts: 4,
  transactions: { sent: 2_900, included: 2_880, reverted: 10, rejected: 5, dropped: 3, pending: 2 },
  averageTps: 44.6,
  transactionsPerSecond: 44.6,
  taskStartsPerSecond: 46.2,
  targetTaskStartsPerSecond: 50,
  inclusionLatencyMs: { p50: 700, p95: 1_400 },
  tasks: {
    transfer: {
      count: 2_000,
      success: 1_990,
      failures: { RPC_NONCE_TOO_LOW: 3, RPC_TIMEOUT: 7 },
      durationMs: { p50: 12, p95: 40 },
      inclusionLatencyMs: { p50: 650, p95: 1_300 },
      transactions: { sent: 2_000, included: 1_990, reverted: 0, rejected: 3, dropped: 2 },
    },
    deploy_counter: {
      count: 1_000,
      success: 1_000,
      failures: {},
      durationMs: { p50: 900, p95: 1_700 },
      inclusionLatencyMs: { p50: undefined, p95: undefined },
      transactions: { sent: 900, included: 890, reverted: 10, rejected: 2, dropped: 1 },
    },
  },
  topErrors: [
    { code: "RPC_TIMEOUT", count: 7 },
    { code: "RPC_NONCE_TOO_LOW", count: 3 },
  ],
}

describe("table helpers", () => {
  it("pads columns and aligns numbers right", () => {
    expect(
      renderTable(
        [{ header: "task" }, { header: "count", align: "right" }],
        [
          ["transfer", "12"],
          ["x", "1234567"],
        ],
      ),
    ).toBe("task        count\n--------  -------\ntransfer       12\nx         1234567\n")
  })

  it("formats durations and percentages", () => {
    expect([
      formatDuration(undefined),
      formatDuration(850.4),
      formatDuration(12_340),
      formatDuration(65_000),
      formatDuration(3_725_000),
    ]).toEqual(["—", "850 ms", "12.3 s", "1m 05s", "1h 02m 05s"])
    expect([formatPercent(39, 40), formatPercent(1, 0)]).toEqual(["97.5%", "—"])
  })
})

describe("progress", () => {
  it("renders the terminal block", () => {
    expect(renderProgressLines(snapshot)).toMatchInlineSnapshot(`
      [
        "elapsed 12.0 s  task starts/s 49.8 (target 50)  tx/s 48.7  in flight 31",
        "tasks 600 started, 560 ok, 9 failed",
        "tx sent 580  included 561  reverted 2  rejected 1  dropped 0  pending 18",
        "inclusion p50 640 ms  p95 1.2 s",
        "errors RPC_NONCE_TOO_LOW ×1",
      ]
    `)
  })

  it("renders one JSON line with nulls for unknown percentiles", () => {
    const line = progressJsonLine({ ...snapshot, inclusionLatencyMs: { p50: undefined, p95: undefined } })
    expect(line).not.toContain("\n")
    expect(JSON.parse(line)).toMatchObject({
      type: "progress",
      sent: 580,
      inclusionLatencyMs: { p50: null, p95: null },
    })
  })

  it("redraws in place on a TTY (cursor up + clear), throttled", () => {
    const writes: string[] = []
    let time = 0
    const renderer = createProgressRenderer({
      output: { write: (text: string) => writes.push(text), isTTY: true },
      now: () => time,
    })
    renderer.update(snapshot)
    time = 100
    renderer.update(snapshot) // throttled (< 250 ms)
    time = 300
    renderer.update({ ...snapshot, topErrors: [] })
    renderer.finish()
    expect(writes).toHaveLength(2)
    expect(writes[0]?.startsWith("elapsed 12.0 s")).toBe(true)
    expect(writes[1]?.startsWith(eraseLines(5))).toBe(true) // the first block had 5 lines
    expect(eraseLines(5)).toBe("\u001b[5F\u001b[0J")
  })

  it("prints log lines above the live block and redraws it", () => {
    const writes: string[] = []
    const renderer = createProgressRenderer({
      output: { write: (text: string) => writes.push(text), isTTY: true },
    })
    renderer.print("before any block")
    renderer.update({ ...snapshot, topErrors: [] })
    renderer.print("a log line")
    expect(writes[0]).toBe("before any block\n")
    expect(writes[2]).toBe(
      `${eraseLines(4)}a log line\n${renderProgressLines({ ...snapshot, topErrors: [] }).join("\n")}\n`,
    )
  })

  it("writes JSON lines every interval when not a TTY", () => {
    const writes: string[] = []
    let time = 0
    const renderer = createProgressRenderer({
      output: { write: (text: string) => writes.push(text) },
      now: () => time,
    })
    renderer.update(snapshot)
    time = 4_000
    renderer.update(snapshot)
    time = 5_000
    renderer.update(snapshot)
    renderer.finish(snapshot)
    renderer.update(snapshot) // ignored after finish
    expect(writes).toHaveLength(3)
    for (const write of writes) expect(JSON.parse(write)).toMatchObject({ type: "progress" })
  })
})

describe("width", () => {
  it("fits the summary in 100 columns, truncating long task names and failures", () => {
    const longTask = "a_task_with_a_remarkably_long_name_that_would_push_the_table_past_the_edge"
    const wide: RunSummary = {
      ...summary,
      tasks: {
        [longTask]: {
          ...(summary.tasks.transfer as RunSummary["tasks"][string]),
          failures: { RUNNER_TASK_CRASHED_WITH_A_VERY_LONG_EXPLANATORY_CODE: 3 },
        },
      },
    }
    const lines = renderRunSummary(wide).split("\n")
    const tableLines = lines.filter((line) => line.startsWith("a_task") || line.startsWith("task"))
    expect(tableLines.length).toBe(2)
    for (const line of tableLines) expect(line.length).toBeLessThanOrEqual(100)
    expect(tableLines[1]).toContain("…")
  })

  it("leaves narrow tables alone", () => {
    expect(renderTable([{ header: "a", shrink: true }], [["short"]], { maxWidth: 100 })).toBe(
      "a\n-----\nshort\n",
    )
  })
})

describe("redraw width", () => {
  it("erases every wrapped row of the block on a narrow terminal", () => {
    const writes: string[] = []
    let time = 0
    const output = { write: (text: string) => writes.push(text), isTTY: true, columns: 40 }
    const renderer = createProgressRenderer({ output, now: () => time })
    renderer.update(snapshot)
    time = 1_000
    renderer.update(snapshot)
    const rows = terminalRows(renderProgressLines(snapshot), 40)
    expect(rows).toBeGreaterThan(renderProgressLines(snapshot).length)
    expect(writes[1]?.startsWith(eraseLines(rows))).toBe(true)
    expect(terminalRows(["x".repeat(150), "y"], 100)).toBe(3)
    expect(terminalRows(["x".repeat(150)], undefined)).toBe(1)
  })
})

describe("drain", () => {
  it("says what the end of the run waits for and how to force it", () => {
    const [first] = renderProgressLines({ ...snapshot, draining: true })
    expect(first).toBe("draining 18 transactions and 31 tasks in flight — Ctrl-C again to force")
    expect(renderProgressLines(snapshot)[0]).toContain("task starts/s 49.8 (target 50)  tx/s 48.7")
  })
})

describe("summary", () => {
  it("renders totals, one row per task and the top errors", () => {
    expect(renderRunSummary(summary)).toMatchInlineSnapshot(`
      "Run finished (duration): sent for 1m 05s (setup 3.2 s before, drain 1.9 s after).
      Tasks started: 3000 (4 starts skipped: no free wallet or worker)
      Transactions: 2900 sent, 2880 included, 10 reverted, 5 rejected, 3 dropped, 2 pending
      Rates over the sending window: 46.2 task starts/s (target 50), 44.6 transactions/s
      Inclusion latency (observed − sent): p50 700 ms, p95 1.4 s

      task            runs      ok     p50    p95  incl p50  incl p95  tx incl/sent  main failure
      --------------  ----  ------  ------  -----  --------  --------  ------------  --------------
      deploy_counter  1000  100.0%  900 ms  1.7 s         —         —       890/900
      transfer        2000   99.5%   12 ms  40 ms    650 ms     1.3 s     1990/2000  RPC_TIMEOUT ×7

      Top errors: RPC_TIMEOUT ×7, RPC_NONCE_TOO_LOW ×3
      "
    `)
  })

  it("says when no task ran", () => {
    expect(renderRunSummary({ ...summary, tasks: {}, topErrors: [] })).toContain("No task ran.")
  })

  it("renders JSON with null for unknown percentiles", () => {
    const parsed = JSON.parse(runSummaryJson(summary)) as {
      type: string
      tasks: Record<string, { inclusionLatencyMs: unknown }>
    }
    expect(parsed.type).toBe("summary")
    expect(parsed.tasks.deploy_counter?.inclusionLatencyMs).toEqual({ p50: null, p95: null })
  })
})
