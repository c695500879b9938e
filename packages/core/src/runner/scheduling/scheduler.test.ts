import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import { createTimerClock } from "./clock.js"
import { createScheduler, startOffsetMs } from "./scheduler.js"

const slowTask = (ms: number) => () => new Promise<void>((resolve) => setTimeout(resolve, ms))

describe("scheduler", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date", "setImmediate"] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it("open loop keeps the target rate when tasks are slow", async () => {
    const startTimes: number[] = []
    const scheduler = createScheduler({
      plan: { mode: "open", targetTps: 50, concurrency: 1_000, durationMs: 10_000 },
      clock: createTimerClock(),
      launch: () => {
        startTimes.push(Date.now())
        return slowTask(3_000)()
      },
    })
    const running = scheduler.run()
    await vi.advanceTimersByTimeAsync(10_000)
    const stats = await running
    expect(stats.started).toBe(500)
    expect(stats.skippedInFlight).toBe(0)
    // 150 tasks (3 s × 50/s) overlap: latency did not slow the starts down.
    expect(stats.inFlight).toBe(150)
    const perSecond = new Map<number, number>()
    const origin = startTimes[0] ?? 0
    for (const time of startTimes) {
      const second = Math.floor((time - origin) / 1000)
      perSecond.set(second, (perSecond.get(second) ?? 0) + 1)
    }
    expect([...perSecond.values()]).toEqual(new Array(10).fill(50))
    await vi.advanceTimersByTimeAsync(3_000)
    expect(await scheduler.drain(0)).toBe(true)
  })

  it("open loop counts skipped starts at the in-flight bound instead of queueing", async () => {
    const scheduler = createScheduler({
      plan: { mode: "open", targetTps: 100, concurrency: 10, durationMs: 2_000 },
      clock: createTimerClock(),
      launch: slowTask(1_000),
    })
    const running = scheduler.run()
    await vi.advanceTimersByTimeAsync(2_000)
    const stats = await running
    // 10 in flight per second of task duration → 20 started, the other 180 starts skipped.
    expect(stats.started).toBe(20)
    expect(stats.skippedInFlight).toBe(180)
  })

  it("closed loop runs at the pace the tasks allow", async () => {
    const scheduler = createScheduler({
      plan: { mode: "closed", concurrency: 10, durationMs: 10_000 },
      clock: createTimerClock(),
      launch: slowTask(2_000),
    })
    const running = scheduler.run()
    await vi.advanceTimersByTimeAsync(10_001)
    const stats = await running
    expect(stats.started).toBe(50)
  })

  it("counts a start without a free wallet as skipped (open loop)", async () => {
    let calls = 0
    const scheduler = createScheduler({
      plan: { mode: "open", targetTps: 10, concurrency: 5, count: 5 },
      clock: createTimerClock(),
      launch: () => (calls++ % 2 === 0 ? Promise.resolve() : undefined),
    })
    const running = scheduler.run()
    await vi.advanceTimersByTimeAsync(2_000)
    const stats = await running
    expect(stats.started).toBe(5)
    expect(stats.skippedNoWallet).toBe(4)
  })

  it("stop() ends scheduling; drain() waits for in-flight tasks up to its timeout", async () => {
    const scheduler = createScheduler({
      plan: { mode: "open", targetTps: 10, concurrency: 100 },
      clock: createTimerClock(),
      launch: slowTask(5_000),
    })
    const running = scheduler.run()
    await vi.advanceTimersByTimeAsync(1_000)
    scheduler.stop()
    const stats = await running
    expect(stats.started).toBe(11)
    const shortDrain = scheduler.drain(1_000)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(await shortDrain).toBe(false)
    const fullDrain = scheduler.drain(10_000)
    await vi.advanceTimersByTimeAsync(4_000)
    expect(await fullDrain).toBe(true)
    expect(scheduler.stats().inFlight).toBe(0)
  })
})

describe("startOffsetMs", () => {
  it("spaces starts evenly without ramp-up and integrates a linear ramp", () => {
    expect(startOffsetMs(10, 10, 0)).toBe(1000)
    // Ramp of 10 s to 10 tps: 50 starts during the ramp, then 10/s.
    expect(startOffsetMs(50, 10, 10_000)).toBe(10_000)
    expect(startOffsetMs(60, 10, 10_000)).toBe(11_000)
    expect(startOffsetMs(0, 10, 10_000)).toBe(0)
    // Starts get denser during the ramp.
    const gaps = [1, 2, 3, 4].map(
      (index) => startOffsetMs(index + 1, 10, 10_000) - startOffsetMs(index, 10, 10_000),
    )
    expect(gaps).toEqual([...gaps].sort((left, right) => right - left))
  })
})
