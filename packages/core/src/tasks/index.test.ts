import { describe, expect, it } from "vitest"
import * as barrel from "./index.js"

describe("tasks barrel", () => {
  it("exports these runtime names", () => {
    expect(Object.keys(barrel).sort()).toMatchInlineSnapshot(`
      [
        "TaskDuplicateNameError",
        "TaskExpectedFailureDidNotFailError",
        "TaskFailedError",
        "TaskInvalidWeightsError",
        "TaskNotFoundError",
        "TaskTimedOutError",
        "createRandom",
        "createTaskOutcome",
        "createTaskRegistry",
        "defineChain",
        "defineTask",
        "getDevnetOptions",
      ]
    `)
  })
})
