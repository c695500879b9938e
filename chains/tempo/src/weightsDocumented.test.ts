import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { tempo } from "./chain.js"

/** The README's "Task weights" table is the reasoning behind the catalog's weights; it must not drift. */
describe("documented task weights", () => {
  it("list every task with the weight the catalog gives it, 200 in all", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8")
    const section = readme.split("## Task weights")[1]?.split("\n## ")[0] ?? ""
    const documented = Object.fromEntries(
      [...section.matchAll(/^\| `(\w+)` \| (\d+) \|/gm)].map((row) => [row[1], Number(row[2])]),
    )
    const catalog = Object.fromEntries(tempo.tasks.map((task) => [task.name, task.weight]))
    expect(documented).toEqual(catalog)
    expect(Object.values(catalog).reduce((total, weight) => total + weight, 0)).toBe(200)
  })
})
