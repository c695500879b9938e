import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { createEndpointHealth } from "./endpointHealth.js"

describe("endpoint health", () => {
  it("fails over after a failure and comes back after the cool-down", () => {
    let now = 1_000
    const health = createEndpointHealth(["http://a", "http://b"], { now: () => now, baseCooldownMs: 100 })
    health.recordSuccess(0, 10)
    health.recordSuccess(1, 50)
    expect(health.pick()).toBe(0)
    health.recordFailure(0)
    expect(health.pick()).toBe(1)
    now += 101
    // Back from cool-down, but its error rate still costs it against a healthy peer.
    health.recordSuccess(0, 10)
    health.recordSuccess(0, 10)
    expect(health.snapshot()[0]?.consecutiveFailures).toBe(0)
  })

  it("prefers lower latency and smaller head lag", () => {
    const health = createEndpointHealth(["http://a", "http://b"])
    health.recordSuccess(0, 300)
    health.recordSuccess(1, 20)
    expect(health.pick()).toBe(1)
    health.reportHead(0, 1_000n)
    health.reportHead(1, 990n)
    expect(health.pick()).toBe(0)
    expect(health.snapshot().map((endpoint) => endpoint.headLag)).toEqual([0, 10])
  })

  it("honours a Retry-After cool-down and masks URLs", () => {
    const now = 0
    const health = createEndpointHealth(["https://user:pw@a.example/v3/0123456789abcdef0123"], {
      now: () => now,
    })
    health.recordFailure(0, 5_000)
    expect(health.snapshot()[0]).toMatchObject({
      coolingDownUntil: 5_000,
      endpoint: "https://***:***@a.example/v3/***",
    })
  })

  it("always picks a valid index, whatever happened", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.tuple(fc.nat(4), fc.boolean(), fc.nat(500)), { maxLength: 50 }),
        (count, events) => {
          const health = createEndpointHealth(Array.from({ length: count }, (_, index) => `http://e${index}`))
          for (const [index, ok, latency] of events) {
            if (index >= count) continue
            if (ok) health.recordSuccess(index, latency)
            else health.recordFailure(index)
          }
          const picked = health.pick()
          return picked >= 0 && picked < count
        },
      ),
    )
  })
})
