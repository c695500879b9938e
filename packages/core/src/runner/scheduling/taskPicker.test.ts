import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Ok } from "../../result.js"
import { defineTask } from "../../tasks/defineTask.js"
import { createTaskOutcome } from "../../tasks/outcome.js"
import { createRandom } from "../../tasks/random.js"
import { createTaskPicker } from "./taskPicker.js"

const task = (name: string, weight: number, requires: ("keyedNonces" | "eip1559")[] = []) =>
  defineTask({
    name,
    category: "test",
    weight,
    description: name,
    requires,
    run: async () => Ok(createTaskOutcome()),
  })
const tasks = [task("transfer", 5), task("deploy", 1), task("call", 4), task("keyed", 3, ["keyedNonces"])]
const capabilities = { eip1559: true, nativeValueTransfers: true }

function sequence(seed: number, length: number, weights?: Record<string, number>) {
  const result = createTaskPicker({
    tasks,
    capabilities,
    random: createRandom(seed).next,
    ...(weights ? { weights } : {}),
  })
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

  it("follows the weights, with config weights overriding the catalog, and skips unsupported tasks", () => {
    const counts = (names: string[]) =>
      Object.fromEntries(
        tasks.map((entry) => [entry.name, names.filter((name) => name === entry.name).length]),
      )
    const defaults = counts(sequence(7, 10_000))
    expect(defaults.keyed).toBe(0)
    expect(defaults.transfer).toBeGreaterThan(4_700)
    expect(defaults.transfer).toBeLessThan(5_300)
    expect(defaults.deploy).toBeGreaterThan(850)
    expect(defaults.deploy).toBeLessThan(1_150)
    const overridden = counts(sequence(7, 10_000, { transfer: 0, deploy: 1, call: 1 }))
    expect(overridden.transfer).toBe(0)
    expect(overridden.deploy).toBeGreaterThan(4_700)
  })

  it("applies the filter and rejects unknown or unrunnable selections", () => {
    const filtered = createTaskPicker({ tasks, filter: ["deploy"], random: createRandom(1).next })
    expect(filtered.isOk() && filtered.value.pick().name).toBe("deploy")
    const unknown = createTaskPicker({ tasks, filter: ["mint"], random: createRandom(1).next })
    expect(unknown.isErr() && unknown.error.code).toBe("TASK_NOT_FOUND")
    const unsupported = createTaskPicker({
      tasks,
      capabilities,
      filter: ["keyed"],
      random: createRandom(1).next,
    })
    expect(unsupported.isErr() && unsupported.error.message).toMatchInlineSnapshot(`
      "The run plan is invalid: no task left to run after weights, filter and chain capabilities.

      Available tasks: transfer, deploy, call, keyed."
    `)
  })
})
