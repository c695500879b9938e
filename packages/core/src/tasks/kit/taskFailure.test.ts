import { describe, expect, it } from "vitest"
import { TaskFailedError } from "../../errors/task.js"
import { succeeded } from "./succeeded.js"
import { taskFailure } from "./taskFailure.js"

describe("taskFailure", () => {
  it("is an Err carrying a TaskFailedError with the running task's name, the reason and the cause", () => {
    const cause = new Error("boom")
    const failure = taskFailure(
      { task: { name: "increment_counter", category: "core" } },
      "counter is 3, expected 4",
      cause,
    )
    if (!failure.isErr()) throw new Error("taskFailure returned Ok")
    const error = failure.error
    expect(error).toBeInstanceOf(TaskFailedError)
    expect(error.name).toBe("TaskFailedError")
    expect(error.message).toContain("increment_counter")
    expect(error.message).toContain("counter is 3, expected 4")
    expect(error.cause).toBe(cause)
  })
})

describe("succeeded", () => {
  it("keeps the sent transactions in order, drops undefined ones, and keeps the notes", () => {
    const first = { hash: "0x01", nonce: 0n } as never
    const second = { hash: "0x02", nonce: 1n } as never
    const outcome = succeeded([first, undefined, second], ["a", "b"]).unwrap()
    expect(outcome.transactions).toEqual([first, second])
    expect(outcome.notes).toEqual(["a", "b"])
    expect(outcome.expectedFailure).not.toBe(true)
  })

  it("defaults to no notes", () => {
    expect(succeeded([]).unwrap().notes).toEqual([])
  })
})
