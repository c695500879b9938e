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
        "createChainNonceManager",
        "createConfiguredGasManager",
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
        "defaultFundingTarget",
        "formatShard",
        "fundConfiguredWallets",
        "fundWallets",
        "fundingTaskName",
        "getContractInterface",
        "installShutdownHandlers",
        "isInShard",
        "keepShard",
        "loadFunder",
        "loadWorkerWallets",
        "nativeFundingHook",
        "openFundingSession",
        "receiptFromOutcome",
        "reclaimConfiguredWallets",
        "reclaimFunds",
        "reconcileJournal",
        "runLoad",
        "selectShard",
        "startOffsetMs",
        "systemClock",
      ]
    `)
  })
})
