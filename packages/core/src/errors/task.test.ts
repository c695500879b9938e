import { describe, expect, it } from "vitest"
import {
  TaskDuplicateNameError,
  TaskExpectedFailureDidNotFailError,
  TaskFailedError,
  TaskInvalidWeightsError,
  TaskNotFoundError,
  TaskTimedOutError,
} from "./task.js"

describe("task errors", () => {
  it("TaskNotFoundError lists the names and suggests the closest", () => {
    const error = new TaskNotFoundError({ name: "tranfer", available: ["transfer", "deploy_counter"] })
    expect(error.code).toBe("TASK_NOT_FOUND")
    expect(error.message).toMatchInlineSnapshot(`
      "Unknown task "tranfer".

      Did you mean "transfer"?
      Available tasks: transfer, deploy_counter"
    `)
    expect(new TaskNotFoundError({ name: "zzz", available: [] }).message).toMatchInlineSnapshot(`
      "Unknown task "zzz".

      Available tasks: (none)"
    `)
  })

  it("TaskDuplicateNameError", () => {
    expect(new TaskDuplicateNameError({ name: "transfer" }).message).toMatchInlineSnapshot(`
      "Two tasks are named "transfer".

      Task names must be unique within a chain's catalog."
    `)
  })

  it("TaskTimedOutError names the task and the budget", () => {
    const error = new TaskTimedOutError({ task: "deploy_counter", timeoutMs: 180_000 })
    expect(error.code).toBe("TASK_TIMED_OUT")
    expect(error.message).toMatchInlineSnapshot(`
      "Task "deploy_counter" timed out after 180000 ms.

      Raise task_timeout_ms, or check that the node is mining (receipts may never come)."
    `)
  })

  it("TaskFailedError carries the cause's short message", () => {
    const cause = new TaskTimedOutError({ task: "inner", timeoutMs: 5 })
    const error = new TaskFailedError({ task: "transfer", cause })
    expect(error.cause).toBe(cause)
    expect(error.message).toMatchInlineSnapshot(
      `"Task "transfer" failed: Task "inner" timed out after 5 ms."`,
    )
    expect(
      new TaskFailedError({ task: "transfer", cause: new Error("plain") }).message,
    ).toMatchInlineSnapshot(`"Task "transfer" failed."`)
  })

  it("TaskExpectedFailureDidNotFailError", () => {
    expect(
      new TaskExpectedFailureDidNotFailError({ task: "overdraw", hash: "0xabc" }).message,
    ).toMatchInlineSnapshot(`
      "Task "overdraw" was expected to fail, but it succeeded.

      The chain accepted something it should reject: this is a finding, not a flaky test.

      Details: transaction 0xabc"
    `)
  })

  it("TaskInvalidWeightsError", () => {
    expect(
      new TaskInvalidWeightsError({ reason: "no task has a positive weight", available: ["a", "b"] }).message,
    ).toMatchInlineSnapshot(`
      "Invalid task weights: no task has a positive weight.

      Available tasks: a, b"
    `)
  })
})
