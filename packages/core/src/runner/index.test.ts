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
        "formatShard",
        "fundConfiguredWallets",
        "getContractInterface",
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
