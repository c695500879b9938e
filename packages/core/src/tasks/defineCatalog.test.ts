import { describe, expect, expectTypeOf, it } from "vitest"
import { TaskDuplicateNameError } from "../errors/task.js"
import { Ok } from "../result.js"
import { defineCatalog } from "./defineCatalog.js"
import { type AnyTaskDefinition, defineTask, uncategorized } from "./defineTask.js"
import { createTaskOutcome } from "./outcome.js"

const run = async () => Ok(createTaskOutcome())
const selfTransfer = defineTask({ name: "self_transfer", weight: 5, description: "Self.", run })
const mintToken = defineTask({
  name: "mint_token",
  weight: 2,
  description: "Mints.",
  parameters: { amount: 1n },
  async run(_context, parameters) {
    return Ok(createTaskOutcome({ notes: [`${parameters.amount}`] }))
  },
})

describe("defineCatalog", () => {
  it("sets each task's category from its key and keeps catalog order", () => {
    const catalog = defineCatalog({ core: [selfTransfer], token: [mintToken] })
    expect(catalog.map((task) => [task.name, task.category])).toEqual([
      ["self_transfer", "core"],
      ["mint_token", "token"],
    ])
    expect(catalog.byCategory.token.map((task) => task.name)).toEqual(["mint_token"])
    expect(Object.isFrozen(catalog)).toBe(true)
    expect(Object.isFrozen(catalog[0])).toBe(true)
    expect(Object.isFrozen(catalog.byCategory)).toBe(true)
    // The original definition is untouched; the catalog's copy runs the same code.
    expect(selfTransfer.category).toBe(uncategorized)
    expect(catalog[0]?.run).toBe(selfTransfer.run)
    expect(catalog[1]?.parameters).toEqual({ amount: 1n })
  })

  it("accepts tasks of any parameter type without a cast", () => {
    const tasks: readonly AnyTaskDefinition[] = [selfTransfer, mintToken]
    expectTypeOf(mintToken).toMatchTypeOf<AnyTaskDefinition>()
    expect(defineCatalog({ mixed: tasks })).toHaveLength(2)
  })

  it("keeps a matching declared category and throws on a different one", () => {
    const declared = defineTask({ name: "declared", category: "token", weight: 1, description: "", run })
    expect(defineCatalog({ token: [declared] })[0]).toBe(declared)
    expect(() => defineCatalog({ core: [declared] })).toThrow(
      'task "declared" declares category "token" but is listed under "core"',
    )
  })

  it("throws on two tasks with one name, also across categories", () => {
    const twin = defineTask({ name: "self_transfer", weight: 1, description: "", run })
    expect(() => defineCatalog({ core: [selfTransfer], token: [twin] })).toThrow(TaskDuplicateNameError)
  })
})
