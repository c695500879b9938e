import { describe, expect, it } from "vitest"
import { Ok } from "../../result.js"
import type { TaskRun } from "../../testing/tasks/taskRunner.js"
import { createTaskOutcome } from "../outcome.js"
import { checkCleanRun } from "./checkCleanRun.js"

function runWith(parts: {
  tasks: Record<string, { count: number; success: number }>
  pending?: number
  reconciliation?: { mismatches: unknown[] } | undefined
}): TaskRun {
  return {
    result: Ok(createTaskOutcome()),
    report: {
      summary: { tasks: parts.tasks, transactions: { pending: parts.pending ?? 0 } },
      reconciliation: "reconciliation" in parts ? parts.reconciliation : { mismatches: [] },
    } as unknown as TaskRun["report"],
  }
}

describe("checkCleanRun", () => {
  it("finds nothing wrong with one successful run, nothing pending and an agreeing journal", () => {
    expect(
      checkCleanRun(runWith({ tasks: { self_transfer: { count: 1, success: 1 } } }), "self_transfer"),
    ).toEqual([])
  })

  it("names every problem", () => {
    const run = runWith({
      tasks: { self_transfer: { count: 1, success: 0 } },
      pending: 2,
      reconciliation: { mismatches: [{ wallet: "0xabc", chainNonce: 3n }] },
    })
    expect(checkCleanRun(run, "self_transfer")).toEqual([
      "self_transfer ran 1 times with 0 successes",
      "2 transactions left pending",
      'journal and chain disagree: {"wallet":"0xabc","chainNonce":"3"}',
    ])
    expect(checkCleanRun(run, "other")).toContain("other did not run")
    expect(checkCleanRun(runWith({ tasks: {}, reconciliation: undefined }), "x")).toContain(
      "the journal was not reconciled with the chain",
    )
  })
})
