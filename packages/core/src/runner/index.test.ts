import { describe, expect, it } from "vitest"
import * as runner from "./index.js"

describe("runner barrel", () => {
  it("exports exactly these names", () => {
    expect(Object.keys(runner).sort()).toMatchInlineSnapshot(`
      [
        "RunnerAbortedError",
        "RunnerInvalidPlanError",
        "RunnerReceiptDeadlineError",
        "RunnerSigningError",
        "RunnerTaskCrashedError",
        "RunnerTransactionRevertedError",
        "RunnerUnknownTransactionError",
        "abortReason",
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
        "formatShard",
        "fundConfiguredWallets",
        "installShutdownHandlers",
        "isInShard",
        "keepShard",
        "loadFunder",
        "loadWorkerWallets",
        "openFundingSession",
        "receiptFromOutcome",
        "reclaimConfiguredWallets",
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
