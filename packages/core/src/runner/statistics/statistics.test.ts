import fc from "fast-check"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import { createTimerClock } from "../scheduling/clock.js"
import { createLatencyHistogram } from "./latencyHistogram.js"
import { createRunStatistics } from "./statistics.js"

describe("run statistics", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date", "setTimeout"] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it("reports live counters, the current rate over the window, and a per-task summary", () => {
    const statistics = createRunStatistics({ targetTps: 20, clock: createTimerClock() })
    // 20 per second, evenly spread over 10 s.
    for (let index = 0; index < 200; index += 1) {
      statistics.taskStarted()
      statistics.transactionSent("transfer")
      statistics.transactionIncluded("transfer", false, 500 + (index % 20) * 10)
      statistics.taskFinished("transfer", { ok: true }, 20)
      vi.advanceTimersByTime(50)
    }
    statistics.taskStarted()
    statistics.transactionSent("deploy")
    statistics.transactionRejected("deploy", "RPC_INSUFFICIENT_FUNDS")
    statistics.taskFinished("deploy", { ok: false, code: "RPC_INSUFFICIENT_FUNDS" }, 5)
    const snapshot = statistics.snapshot()
    expect(snapshot).toMatchObject({
      elapsedMs: 10_000,
      sent: 201,
      included: 200,
      rejected: 1,
      pendingTransactions: 1,
      tasksInFlight: 0,
      targetTps: 20,
      topErrors: [{ code: "RPC_INSUFFICIENT_FUNDS", count: 1 }],
    })
    expect(snapshot.currentTps).toBeGreaterThan(19.5)
    expect(snapshot.currentTps).toBeLessThan(20.5)
    expect(snapshot.inclusionLatencyMs.p50).toBeGreaterThan(580)
    expect(snapshot.inclusionLatencyMs.p50).toBeLessThan(610)
    statistics.end()
    const summary = statistics.summary("duration")
    expect(summary.tasks.deploy).toMatchObject({
      count: 1,
      success: 0,
      failures: { RPC_INSUFFICIENT_FUNDS: 1 },
    })
    expect(summary.tasks.transfer).toMatchObject({ count: 200, success: 200, failures: {} })
    expect(summary.averageTps).toBeCloseTo(20.1, 1)
    // Rate decays to 0 once sends stop.
    vi.advanceTimersByTime(10_000)
    expect(statistics.snapshot().currentTps).toBe(0)
  })

  it("counts reverts as errors, except those of tasks that are meant to revert", () => {
    const statistics = createRunStatistics({
      targetTps: 1,
      clock: createTimerClock(),
      expectedFailureTasks: new Set(["reverting_call"]),
    })
    statistics.transactionSent("reverting_call")
    statistics.transactionIncluded("reverting_call", true, 100)
    statistics.transactionSent("transfer")
    statistics.transactionIncluded("transfer", true, 100)
    const snapshot = statistics.snapshot()
    expect(snapshot.topErrors).toEqual([{ code: "TRANSACTION_REVERTED", count: 1 }])
    expect(snapshot).toMatchObject({ reverted: 2 })
  })
})

describe("latency histogram", () => {
  it("returns percentiles within 2% of the exact order statistic", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 120_000 }), { minLength: 1, maxLength: 300 }),
        (values) => {
          const histogram = createLatencyHistogram()
          for (const value of values) histogram.add(value)
          const sorted = [...values].sort((left, right) => left - right)
          for (const fraction of [0.5, 0.95]) {
            const exact = sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] ?? 0
            const estimate = histogram.percentile(fraction) ?? -1
            expect(Math.abs(estimate - exact)).toBeLessThanOrEqual(Math.max(1, exact * 0.02))
          }
        },
      ),
    )
  })
})
