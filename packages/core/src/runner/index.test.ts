import { describe, expect, it } from "vitest"
import * as runner from "./index.js"

describe("runner barrel", () => {
  it("exports exactly these names", () => {
    expect(Object.keys(runner).sort()).toMatchInlineSnapshot(`
      [
        "FundingInsufficientBalanceError",
        "FundingNoFunderError",
        "FundingPlanUnderfundedError",
        "FundingTransactionFailedError",
        "RunnerAbortedError",
        "RunnerInvalidPlanError",
        "RunnerReceiptDeadlineError",
        "RunnerSigningError",
        "RunnerTaskCrashedError",
        "RunnerTransactionRevertedError",
        "RunnerUnknownTransactionError",
        "abortReason",
        "checkPlanFunding",
        "createChainNonceManager",
        "createConfiguredGasManager",
        "createLatencyHistogram",
        "createReceiptTracker",
        "createRunStatistics",
        "createRunner",
        "createScheduler",
        "createSubmitter",
        "createTaskContext",
        "createTaskPicker",
        "createTimerClock",
        "defaultFundingTarget",
        "estimatePlanSpend",
        "formatShard",
        "fundConfiguredWallets",
        "fundWallets",
        "fundingTaskName",
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
        "walletSeed",
      ]
    `)
  })
})
