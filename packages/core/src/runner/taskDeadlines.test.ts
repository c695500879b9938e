import fc from "fast-check"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import { createTimerClock } from "./scheduling/clock.js"
import { createTaskDeadlines, type TaskDeadline } from "./taskDeadlines.js"

describe("task deadlines", () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it("aborts a task at its deadline with a TimeoutError, and only then", () => {
    const deadlines = createTaskDeadlines({ clock: createTimerClock() })
    const task = deadlines.start(1_000)
    vi.advanceTimersByTime(999)
    expect(task.signal.aborted).toBe(false)
    vi.advanceTimersByTime(1)
    expect(task.signal.aborted).toBe(true)
    expect(task.timedOut).toBe(true)
    expect((task.signal.reason as DOMException).name).toBe("TimeoutError")
  })

  it("never fires for a finished task and leaves no timer behind", () => {
    const deadlines = createTaskDeadlines({ clock: createTimerClock() })
    const task = deadlines.start(1_000)
    task.finish()
    expect(deadlines.running).toBe(0)
    vi.advanceTimersByTime(5_000)
    expect(task.signal.aborted).toBe(false)
    expect(vi.getTimerCount()).toBe(0)
  })

  it("serves a shorter timeout started later before a longer one started earlier", () => {
    const deadlines = createTaskDeadlines({ clock: createTimerClock() })
    const long = deadlines.start(10_000)
    const short = deadlines.start(100)
    vi.advanceTimersByTime(100)
    expect(short.signal.aborted).toBe(true)
    expect(long.signal.aborted).toBe(false)
    vi.advanceTimersByTime(9_900)
    expect(long.signal.aborted).toBe(true)
  })

  it("abortAll aborts running tasks and every task started afterwards, with the given reason", () => {
    const deadlines = createTaskDeadlines({ clock: createTimerClock() })
    const running = deadlines.start(1_000)
    const reason = new Error("grace period over")
    deadlines.abortAll(reason)
    expect(running.signal.reason).toBe(reason)
    expect(running.timedOut).toBe(false)
    const later = deadlines.start(1_000)
    expect(later.signal.aborted).toBe(true)
    expect(later.signal.reason).toBe(reason)
    expect(vi.getTimerCount()).toBe(0)
  })

  it("aborts exactly the tasks whose deadline passed before they finished (property)", () => {
    type Step =
      | { kind: "start"; timeoutMs: number }
      | { kind: "finish"; pick: number }
      | { kind: "advance"; ms: number }
    const step = fc.oneof(
      fc.record({ kind: fc.constant("start" as const), timeoutMs: fc.constantFrom(50, 100, 250, 1_000) }),
      fc.record({ kind: fc.constant("finish" as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant("advance" as const), ms: fc.integer({ min: 0, max: 300 }) }),
    )
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps: Step[]) => {
        vi.setSystemTime(0)
        vi.clearAllTimers()
        const deadlines = createTaskDeadlines({ clock: createTimerClock() })
        const tasks: { handle: TaskDeadline; deadline: number; finishedAt: number | undefined }[] = []
        for (const current of steps) {
          if (current.kind === "start")
            tasks.push({
              handle: deadlines.start(current.timeoutMs),
              deadline: Date.now() + current.timeoutMs,
              finishedAt: undefined,
            })
          else if (current.kind === "finish") {
            const task = tasks[current.pick % Math.max(1, tasks.length)]
            if (task !== undefined && task.finishedAt === undefined) {
              task.handle.finish()
              task.finishedAt = Date.now()
            }
          } else vi.advanceTimersByTime(current.ms)
        }
        const now = Date.now()
        for (const task of tasks) {
          const end = task.finishedAt ?? now
          // Finishing exactly at the deadline races the timer; both outcomes are correct.
          if (task.finishedAt !== undefined && task.finishedAt === task.deadline) continue
          expect(task.handle.signal.aborted).toBe(task.deadline <= end && task.deadline <= now)
        }
        expect(deadlines.running).toBe(tasks.filter((task) => task.finishedAt === undefined).length)
      }),
      { numRuns: 300 },
    )
  })

  it("forgets finished tasks long before their deadline, and still times out the one left running", () => {
    const deadlines = createTaskDeadlines({ clock: createTimerClock() })
    const first = deadlines.start(180_000)
    const others = Array.from({ length: 10_000 }, () => deadlines.start(180_000))
    for (const [index, task] of others.entries()) {
      task.finish()
      // Finished entries never pile up: at most half of what is queued, or a few hundred.
      expect(deadlines.queued).toBeLessThanOrEqual(Math.max(2 * deadlines.running, deadlines.running + 256))
      expect(deadlines.running).toBe(others.length - index)
    }
    expect(deadlines.queued).toBeLessThan(300)
    vi.advanceTimersByTime(180_000)
    expect(first.timedOut).toBe(true)
    expect(others.some((task) => task.signal.aborted)).toBe(false)
    expect(deadlines.queued).toBe(0)
  })

  it("counts a task that finishes after its deadline fired only once", () => {
    const deadlines = createTaskDeadlines({ clock: createTimerClock() })
    const late = deadlines.start(100)
    vi.advanceTimersByTime(100)
    expect(late.timedOut).toBe(true)
    late.finish()
    expect(deadlines.queued).toBe(0)
    expect(deadlines.running).toBe(0)
  })
})
