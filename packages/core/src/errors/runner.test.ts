import { describe, expect, it } from "vitest"
import {
  RunnerAbortedError,
  RunnerInvalidPlanError,
  RunnerReceiptDeadlineError,
  RunnerSigningError,
  RunnerTaskCrashedError,
  RunnerTransactionRevertedError,
  RunnerUnknownTransactionError,
} from "./runner.js"

describe("runner errors", () => {
  it("RunnerAbortedError", () => {
    const error = new RunnerAbortedError({ reason: "SIGINT" })
    expect(error.code).toBe("RUNNER_ABORTED")
    expect(error.name).toBe("RunnerAbortedError")
    expect(error.message).toMatchInlineSnapshot(`
      "The run was aborted: SIGINT.

      Everything journaled before the abort stays in the database."
    `)
  })
  it("RunnerReceiptDeadlineError", () => {
    const error = new RunnerReceiptDeadlineError({
      hash: "0xabc",
      address: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
      nonce: 4n,
      waitedMs: 60_000,
      waitedBlocks: 30,
    })
    expect(error.code).toBe("RUNNER_RECEIPT_DEADLINE")
    expect(error.message).toMatchInlineSnapshot(`
      "No receipt for transaction 0xabc before the deadline; it is treated as dropped.

      Some chains drop transactions silently (unpaid fee, nonce gap, gas below intrinsic).
      The nonce lane was resynchronised from the chain.

      Details: sender 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266, nonce 4, waited 60000 ms / 30 blocks"
    `)
  })
  it("RunnerTaskCrashedError", () => {
    const error = new RunnerTaskCrashedError({ task: "deploy", cause: new TypeError("x is undefined") })
    expect(error.code).toBe("RUNNER_TASK_CRASHED")
    expect(error.cause).toBeInstanceOf(TypeError)
    expect(error.message).toMatchInlineSnapshot(`
      "Task "deploy" threw instead of returning a Result.

      Details: x is undefined"
    `)
  })
  it("RunnerInvalidPlanError", () => {
    const error = new RunnerInvalidPlanError({
      reason: 'unknown task "mint"',
      available: ["transfer", "deploy"],
    })
    expect(error.code).toBe("RUNNER_INVALID_PLAN")
    expect(error.message).toMatchInlineSnapshot(`
      "The run plan is invalid: unknown task "mint".

      Available tasks: transfer, deploy."
    `)
  })
  it("RunnerSigningError", () => {
    const error = new RunnerSigningError({
      address: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
      nonce: 3n,
      cause: new Error("invalid gasLimit"),
    })
    expect(error.code).toBe("RUNNER_SIGNING_FAILED")
    expect(error.message).toMatchInlineSnapshot(`
      "Could not sign the transaction of 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266 with nonce 3.

      Details: invalid gasLimit"
    `)
  })
  it("RunnerTransactionRevertedError", () => {
    const error = new RunnerTransactionRevertedError({ hash: "0xabc", blockNumber: 12n })
    expect(error.code).toBe("RUNNER_TRANSACTION_REVERTED")
    expect(error.message).toMatchInlineSnapshot(`"Transaction 0xabc reverted in block 12."`)
  })
  it("RunnerUnknownTransactionError", () => {
    const error = new RunnerUnknownTransactionError({ hash: "0xabc" })
    expect(error.code).toBe("RUNNER_UNKNOWN_TRANSACTION")
    expect(error.message).toMatchInlineSnapshot(`
      "Transaction 0xabc is not tracked by this run.

      Only transactions sent by this run (the last 10 000 settled, or still pending) can be awaited."
    `)
  })
})
