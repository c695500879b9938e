import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Ok } from "../result.js"
import { defineChain } from "./defineChain.js"
import { defineTask } from "./defineTask.js"
import { createTaskOutcome } from "./outcome.js"
import { createRandom } from "./random.js"
import { createTaskRegistry } from "./registry.js"

const task = (name: string, weight: number, category = "misc") =>
  defineTask({
    name,
    category,
    weight,
    description: `${name} task`,
    run: async () => Ok(createTaskOutcome()),
  })

const catalog = [
  task("transfer", 6, "native"),
  task("deploy_counter", 3, "contract"),
  task("call_counter", 1),
  task("overdraw", 0),
]

describe("createTaskRegistry", () => {
  it("gets tasks by name and lists the names in an unknown-name error", () => {
    const registry = createTaskRegistry(catalog)
    expect(registry.names).toEqual(["transfer", "deploy_counter", "call_counter", "overdraw"])
    expect(registry.get("transfer").unwrap().category).toBe("native")
    const error = registry.get("tranfser").unwrapErr()
    expect(error.name).toBe("TaskNotFoundError")
    expect(error.metaMessages).toEqual([
      'Did you mean "transfer"?',
      "Available tasks: transfer, deploy_counter, call_counter, overdraw",
    ])
  })

  it("rejects duplicate names (catalog bug) in the registry and in defineChain", () => {
    expect(() => createTaskRegistry([task("a", 1), task("a", 2)])).toThrow('Two tasks are named "a".')
    expect(() =>
      defineChain({
        name: "x",
        chainId: 1,
        nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
        capabilities: { eip1559: true, nativeValueTransfers: true },
        devnet: {},
        tasks: [task("a", 1), task("a", 1)],
      }),
    ).toThrow(/Two tasks/)
  })

  it("draws in proportion to the weights, reproducibly for a seed", () => {
    const selection = createTaskRegistry(catalog).select().unwrap()
    expect(selection.weights).toEqual({ transfer: 6, deploy_counter: 3, call_counter: 1 })
    const random = createRandom(7)
    const counts: Record<string, number> = {}
    for (let draw = 0; draw < 20_000; draw++) {
      const name = selection.pick(random).name
      counts[name] = (counts[name] ?? 0) + 1
    }
    expect((counts.transfer ?? 0) / 20_000).toBeCloseTo(0.6, 1)
    expect((counts.deploy_counter ?? 0) / 20_000).toBeCloseTo(0.3, 1)
    expect((counts.call_counter ?? 0) / 20_000).toBeCloseTo(0.1, 1)
    expect(counts.overdraw).toBeUndefined()

    const sequence = (seed: number) => {
      const source = createRandom(seed)
      return Array.from({ length: 50 }, () => selection.pick(source).name)
    }
    expect(sequence(99)).toEqual(sequence(99))
    expect(sequence(99)).not.toEqual(sequence(100))
  })

  it("lets config weights override catalog defaults, and filters by name", () => {
    const registry = createTaskRegistry(catalog)
    const overridden = registry.select({ weights: { transfer: 0, call_counter: 5 } }).unwrap()
    expect(overridden.weights).toEqual({ deploy_counter: 3, call_counter: 5 })
    expect(overridden.probability("call_counter")).toBeCloseTo(5 / 8)
    const filtered = registry.select({ tasks: ["call_counter", "overdraw"] }).unwrap()
    // a weight-0 task named explicitly runs (weight 1)
    expect(filtered.weights).toEqual({ call_counter: 1, overdraw: 1 })
  })

  it("reports unknown names in weights or filter, bad weights and an empty selection", () => {
    const registry = createTaskRegistry(catalog)
    expect(registry.select({ weights: { nope: 1 } }).unwrapErr().name).toBe("TaskNotFoundError")
    expect(registry.select({ tasks: ["nope"] }).unwrapErr().name).toBe("TaskNotFoundError")
    expect(registry.select({ weights: { transfer: -1 } }).unwrapErr().shortMessage).toBe(
      'Invalid task weights: weight of "transfer" is -1; weights must be finite numbers >= 0.',
    )
    expect(registry.select({ weights: { transfer: Number.NaN } }).unwrapErr().name).toBe(
      "TaskInvalidWeightsError",
    )
    expect(
      registry.select({ weights: { transfer: 0, deploy_counter: 0, call_counter: 0 } }).unwrapErr()
        .shortMessage,
    ).toBe("Invalid task weights: no task has a positive weight after applying the filter.")
  })

  it("pick() with a weights object caches the selection and accepts a bare function", () => {
    const registry = createTaskRegistry(catalog)
    const weights = { transfer: 1, deploy_counter: 0, call_counter: 0 }
    expect(registry.pick(() => 0.999, weights).unwrap().name).toBe("transfer")
    expect(registry.pick(() => 0, undefined).unwrap().name).toBe("transfer")
    expect(registry.pick(() => 0.95, undefined).unwrap().name).toBe("call_counter")
  })

  it("only ever picks tasks with a positive weight (property)", () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom("transfer", "deploy_counter", "call_counter", "overdraw"),
          fc.nat({ max: 10 }),
        ),
        fc.integer(),
        (weights, seed) => {
          const selection = createTaskRegistry(catalog).select({ weights })
          if (selection.isErr()) return
          const random = createRandom(seed)
          for (let draw = 0; draw < 20; draw++) {
            const name = selection.value.pick(random).name
            expect(selection.value.weights[name]).toBeGreaterThan(0)
          }
        },
      ),
    )
  })
})
