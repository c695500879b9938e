import { describe, expect, it } from "vitest"
import { createRateLimiter } from "./rateLimiter.js"

describe("token bucket", () => {
  it("lets a burst through at once, then paces at the rate", async () => {
    const limiter = createRateLimiter({ requestsPerSecond: 50, burst: 5 })
    const started = performance.now()
    const times: number[] = []
    const all = Promise.all(
      Array.from({ length: 15 }, () => limiter.acquire().then(() => times.push(performance.now() - started))),
    )
    // The burst is granted without waiting for a timer; the rest is not.
    await new Promise((resolve) => setImmediate(resolve))
    expect(times).toHaveLength(5)
    await all
    // 10 more tokens at 50/s need ≥ 200 ms.
    expect(Math.max(...times)).toBeGreaterThanOrEqual(190)
  })

  it("serves waiters in order and reports the delay", async () => {
    const limiter = createRateLimiter({ requestsPerSecond: 100, burst: 1 })
    await limiter.acquire()
    expect(limiter.delayMs()).toBeGreaterThan(0)
    const order: number[] = []
    await Promise.all([1, 2, 3].map((index) => limiter.acquire().then(() => order.push(index))))
    expect(order).toEqual([1, 2, 3])
  })

  it("gives the token back when a waiter aborts", async () => {
    const limiter = createRateLimiter({ requestsPerSecond: 10, burst: 1 })
    await limiter.acquire()
    const controller = new AbortController()
    const waiting = limiter.acquire(controller.signal)
    controller.abort(new Error("stop"))
    await expect(waiting).rejects.toThrow("stop")
  })

  it("rejects nonsense rates", () => {
    expect(() => createRateLimiter({ requestsPerSecond: 0 })).toThrow(RangeError)
  })
})
