import { describe, expect, it } from "vitest"
import { findTaskNameLiterals } from "./taskNameLiterals.js"

const tasks = [{ name: "deploy_counter" }, { name: "burn" }]

describe("findTaskNameLiterals", () => {
  it("reports a task name in a string literal, with its file and line", () => {
    const text = 'const a = 1\nreturn taskFailure("deploy_counter", "no address")\nconst b = `burn`\n'
    expect(findTaskNameLiterals([{ file: "deploy.ts", text }], tasks)).toEqual([
      { file: "deploy.ts", line: 2, name: "deploy_counter" },
      { file: "deploy.ts", line: 3, name: "burn" },
    ])
  })

  it("allows the name field, comments and strings that merely contain a name", () => {
    const text = [
      'export const task = defineTask({ name: "deploy_counter",',
      '  // was taskFailure("deploy_counter")',
      ' /** tasks.find((task) => task.name === "burn") */',
      '  description: "deploy_counter then burn",',
      '  url: "http://host/burn",',
      "})",
    ].join("\n")
    expect(findTaskNameLiterals([{ file: "task.ts", text }], tasks)).toEqual([])
  })
})
