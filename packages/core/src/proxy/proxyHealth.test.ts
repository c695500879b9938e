import { describe, expect, it } from "vitest"
import { mapWithConcurrency } from "./proxyHealth.js"

describe("mapWithConcurrency", () => {
  it("never runs more than the limit at once and keeps the input order", async () => {
    let running = 0
    let peak = 0
    const results = await mapWithConcurrency([30, 5, 20, 1, 10, 15, 2], 3, async (delay, index) => {
      running += 1
      peak = Math.max(peak, running)
      await new Promise((resolve) => setTimeout(resolve, delay))
      running -= 1
      return index
    })
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6])
    expect(peak).toBe(3)
  })

  it("handles an empty list", async () => {
    expect(await mapWithConcurrency([], 4, async () => 1)).toEqual([])
  })
})
