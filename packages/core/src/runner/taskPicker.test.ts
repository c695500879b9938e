import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { createRandom } from "../tasks/random.js"
import { createTaskPicker } from "./taskPicker.js"

const tasks = [
  { name: "transfer", weight: 5 },
  { name: "deploy", weight: 1 },
  { name: "call", weight: 4 },
]

function sequence(seed: number, length: number, weights?: Record<string, number>) {
  const result = createTaskPicker({ tasks, random: createRandom(seed).next, ...(weights ? { weights } : {}) })
  if (result.isErr()) throw result.error
  return Array.from({ length }, () => result.value.pick().name)
}

describe("createTaskPicker", () => {
  it("is reproducible for a seed and differs between seeds", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), (seed) => {
        expect(sequence(seed, 50)).toEqual(sequence(seed, 50))
      }),
      { numRuns: 50 },
    )
    expect(sequence(1, 50)).not.toEqual(sequence(2, 50))
  })

  it("follows the weights, with config weights overriding the catalog", () => {
    const counts = (names: string[]) =>
      Object.fromEntries(tasks.map((task) => [task.name, names.filter((name) => name === task.name).length]))
    const defaults = counts(sequence(7, 10_000))
    expect(defaults.transfer).toBeGreaterThan(4_700)
    expect(defaults.transfer).toBeLessThan(5_300)
    expect(defaults.deploy).toBeGreaterThan(850)
    expect(defaults.deploy).toBeLessThan(1_150)
    const overridden = counts(sequence(7, 10_000, { transfer: 0, deploy: 1, call: 1 }))
    expect(overridden.transfer).toBe(0)
    expect(overridden.deploy).toBeGreaterThan(4_700)
  })

  it("applies the filter and rejects unknown names with the list of available tasks", () => {
    const filtered = createTaskPicker({ tasks, filter: ["deploy"], random: createRandom(1).next })
    expect(filtered.isOk() && filtered.value.pick().name).toBe("deploy")
    const unknown = createTaskPicker({ tasks, filter: ["mint"], random: createRandom(1).next })
    expect(unknown.isErr() && unknown.error.message).toMatchInlineSnapshot(`
      "The run plan is invalid: unknown task "mint".

      Available tasks: transfer, deploy, call."
    `)
    const empty = createTaskPicker({
      tasks,
      weights: { transfer: 0, deploy: 0, call: 0 },
      random: createRandom(1).next,
    })
    expect(empty.isErr() && empty.error.code).toBe("RUNNER_INVALID_PLAN")
  })
})
