import { describe, expect, it } from "vitest"
import * as runner from "./index.js"

describe("runner barrel", () => {
  it("exports exactly these names", () => {
    expect(Object.keys(runner).sort()).toMatchInlineSnapshot(`
      [
        "FundingInsufficientBalanceError",
        "FundingNoFunderError",
        "FundingTransactionFailedError",
        "RunnerAbortedError",
        "RunnerInvalidPlanError",
        "RunnerReceiptDeadlineError",
        "RunnerSigningError",
        "RunnerTaskCrashedError",
        "RunnerTransactionRevertedError",
        "RunnerUnknownTransactionError",
        "abortReason",
        "contractCodec",
        "createLatencyHistogram",
        "createReceiptTracker",
        "createRecorderAdapter",
        "createRunStatistics",
        "createRunner",
        "createScheduler",
        "createSubmitter",
        "createTaskContext",
        "createTaskDatabase",
        "createTaskPicker",
        "createTimerClock",
        "fundWallets",
        "fundingTaskName",
        "getContractInterface",
        "installShutdownHandlers",
        "nativeFundingHook",
        "receiptFromOutcome",
        "reclaimFunds",
        "reconcileJournal",
        "runLoad",
        "startOffsetMs",
        "systemClock",
      ]
    `)
  })
})
