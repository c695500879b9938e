// Public exports of the runner folder (named exports only).
export {
  RunnerAbortedError,
  type RunnerAbortedErrorType,
  RunnerInvalidPlanError,
  type RunnerInvalidPlanErrorType,
  RunnerReceiptDeadlineError,
  type RunnerReceiptDeadlineErrorType,
  RunnerSigningError,
  type RunnerSigningErrorType,
  RunnerTaskCrashedError,
  type RunnerTaskCrashedErrorType,
  RunnerTransactionRevertedError,
  type RunnerTransactionRevertedErrorType,
  RunnerUnknownTransactionError,
  type RunnerUnknownTransactionErrorType,
} from "../errors/runner.js"
export { createChainNonceManager, createConfiguredGasManager } from "./chainPorts.js"
export { installShutdownHandlers, type ShutdownTarget } from "./lifecycle/shutdown.js"
export { type RunLoadInspection, type RunLoadOptions, type RunLoadReport, runLoad } from "./load/runLoad.js"
export { formatShard, isInShard, type RunShard, selectShard } from "./load/shard.js"
export { keepShard, loadFunder, loadWorkerWallets, walletSeed } from "./load/workerWallets.js"
export { abortReason, receiptFromOutcome } from "./outcomeReceipt.js"
export {
  createReceiptTracker,
  type ReceiptTracker,
  type TrackedTransaction,
  type TrackerEvents,
  type TransactionOutcome,
} from "./receiptTracker.js"
export { type ReconciliationMismatch, type ReconciliationReport, reconcileJournal } from "./reconcile.js"
export {
  createRunner,
  type Runner,
  type RunnerFunding,
  type RunnerParameters,
  type RunnerPlan,
} from "./run/runner.js"
export type { RunnerEvents } from "./runnerEvents.js"
export { type Clock, createTimerClock, systemClock } from "./scheduling/clock.js"
export {
  createScheduler,
  type Launcher,
  type Scheduler,
  type SchedulerPlan,
  type SchedulerStats,
  type StartSlot,
  startOffsetMs,
} from "./scheduling/scheduler.js"
export { createTaskPicker, type TaskPicker } from "./scheduling/taskPicker.js"
export { createLatencyHistogram, type LatencyHistogram } from "./statistics/latencyHistogram.js"
export {
  createRunStatistics,
  type Percentiles,
  type RunSnapshot,
  type RunStatistics,
  type RunSummary,
  type RunTaskSummary,
} from "./statistics/statistics.js"
export { createSubmitter, type SubmittedTransaction, type Submitter } from "./submitter.js"
export { createTaskContext } from "./taskContext.js"
export {
  type FundingCommandOptions,
  fundConfiguredWallets,
  reclaimConfiguredWallets,
} from "./walletFunding/fundingCommands.js"
export {
  type FundingCommandReport,
  type FundingSession,
  openFundingSession,
} from "./walletFunding/fundingSession.js"
