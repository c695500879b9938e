import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { createTimeSlices } from "./timeSlices.js"

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve))

describe("time slices", () => {
  it("grants turns until the tick's budget is used, then defers the rest to later ticks in order", async () => {
    let time = 0
    const slices = createTimeSlices({ budgetMs: 4, now: () => time })
    const order: number[] = []
    const work = async (index: number) => {
      const wait = slices.turn()
      if (wait !== undefined) await wait
      order.push(index)
      time += 1 // every turn costs 1 ms
    }
    const all = Array.from({ length: 10 }, (_, index) => work(index))
    // Turns 0..3 ran synchronously (4 ms), the 5th saw the budget used.
    expect(order).toEqual([0, 1, 2, 3])
    expect(slices.waiting).toBe(6)
    await nextTick()
    // The next tick released as many as fitted in one budget before (4).
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
    await Promise.all(all)
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
  })

  it("gives every caller a turn exactly once, in call order, whatever each costs (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 1, max: 8 }),
        async (costs, budgetMs) => {
          let time = 0
          const slices = createTimeSlices({ budgetMs, now: () => time })
          const order: number[] = []
          const all = Promise.all(
            costs.map(async (cost, index) => {
              const wait = slices.turn()
              if (wait !== undefined) await wait
              order.push(index)
              time += cost
            }),
          )
          // The first tick never runs past its budget by more than one turn's cost.
          const firstTick = costs.slice(0, order.length)
          expect(firstTick.slice(0, -1).reduce((sum, cost) => sum + cost, 0)).toBeLessThan(budgetMs)
          await all
          expect(order).toEqual(costs.map((_, index) => index))
        },
      ),
      { numRuns: 200 },
    )
  })
})
