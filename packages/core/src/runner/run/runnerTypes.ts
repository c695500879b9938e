// The Runner's plan, parameters and handle: what a caller gives `createRunner` and gets back.

import type { FundingLock } from "../../database/fundingLock.js"
import type { RunRecorder } from "../../database/recorder.js"
import type { BaseError } from "../../errors/base.js"
import type { FundingHook } from "../../funding/fundingHook.js"
import type { FundingErrorType } from "../../funding/fundWallets.js"
import type { Result } from "../../result.js"
import type { TaskDatabase } from "../../tasks/context.js"
import type { ChainDefinition } from "../../tasks/defineChain.js"
import type { TaskDefinition } from "../../tasks/defineTask.js"
import type { SetupPolicy } from "../lifecycle/setupRetry.js"
import type {
  RunnerGasManager,
  RunnerLogger,
  RunnerNonceManager,
  RunnerRpc,
  RunnerWallet,
  RunnerWalletPool,
} from "../ports.js"
import type { ReceiptTracker } from "../receiptTracker.js"
import type { RunnerEvents } from "../runnerEvents.js"
import type { Clock } from "../scheduling/clock.js"
import type { RunSnapshot, RunSummary } from "../statistics/statistics.js"
import type { Submitter } from "../submitter.js"

/**
 * What to run and how fast.
 *
 * @example
 * const plan: RunnerPlan = { targetTps: 50, workers: 20, durationMs: 10_000, seed: 7 }
 */
export type RunnerPlan = {
  /** Task starts per second (open loop). 0 → closed loop with `workers` concurrent workers. */
  targetTps: number
  /** Max tasks in flight (open loop) or number of workers (closed loop). */
  workers: number
  durationMs?: number
  count?: number
  rampUpMs?: number
  /** Closed loop: random pause between one worker's tasks. */
  minDelayMs?: number
  maxDelayMs?: number
  taskWeights?: Readonly<Record<string, number>>
  taskFilter?: readonly string[]
  seed?: number
  /** Per task (default 180 000). */
  taskTimeoutMs?: number
  /** After stop: how long in-flight tasks and receipts may still settle (default 30 000). */
  graceMs?: number
  /** Keep a wallet leased until its transactions settle (default true: one lane in flight per wallet). */
  holdLeaseUntilSettled?: boolean
}

/**
 * Funding of the worker wallets before and during the run.
 *
 * @example
 * const funding: RunnerFunding = { hook: nativeFundingHook, funder, target: 10n ** 18n, threshold: 10n ** 17n }
 */
export type RunnerFunding = {
  hook: FundingHook
  funder: RunnerWallet | undefined
  target: bigint
  threshold?: bigint
  /** Refill check period during the run (0 = never; default 15 000). */
  refillIntervalMs?: number
  /** Return what is left on the wallets to the funder once the run has settled. */
  reclaimAtEnd?: boolean
  /**
   * Held around every round sent from the funder (before the run and each refill), so shards
   * sharing one funder key fund one at a time; the funder's nonce is re-read once it is held.
   */
  lock?: FundingLock
}

/**
 * Everything a runner needs.
 *
 * @example
 * const runner = createRunner({ chain, chainId: 31337, tasks, plan, rpc, nonces, gas, recorder, pool, wallets })
 */
export type RunnerParameters = {
  chain: ChainDefinition
  /** Per-event callbacks (metrics); funding transfers are not reported. */
  events?: RunnerEvents
  /** The chain id transactions are signed for (the devnet's may differ from the catalog's). */
  chainId: number
  /** Journal rows and metrics are tagged with it. */
  runId: string
  /** Defaults to the chain's catalog. */
  tasks?: readonly TaskDefinition[]
  plan: RunnerPlan
  rpc: RunnerRpc
  nonces: RunnerNonceManager
  gas: RunnerGasManager
  recorder: RunRecorder
  pool: RunnerWalletPool
  /** The pool's wallets (for funding). */
  wallets: readonly RunnerWallet[]
  /**
   * The chain's service wallets (`chain.serviceWallets(funder)`, e.g. Tempo's fee sponsor):
   * funded before the run and reclaimed with the workers, never leased.
   */
  serviceWallets?: readonly RunnerWallet[]
  database: TaskDatabase
  logger?: RunnerLogger
  clock?: Clock
  funding?: RunnerFunding
  tracker?: {
    pollIntervalMs?: number
    dropAfterBlocks?: number
    dropAfterMs?: number
    /** Settle plain transfers to proven-codeless recipients from the block (default true, ADR 0012). */
    deriveTransferReceipts?: boolean
    verifyRecipientEveryMs?: number
    /** Drop detection (ADR 0013): default on; late transactions are looked up this many blocks after the send (default 4). */
    dropDetection?: boolean
    dropCheckAfterBlocks?: number
    /** Replacement of stuck transactions (ADR 0014): default on, after 3 underpriced blocks or 45 s pending. */
    replacement?: boolean
    replaceAfterBlocks?: number
    replaceAfterMs?: number
  }
  useSendRawTransactionSync?: boolean
  /** Retry transient setup failures (funding) within this deadline and outage rule (default: no retry). */
  setup?: Omit<SetupPolicy, "logger" | "signal" | "waitLogIntervalMs">
}

/**
 * A runner.
 *
 * @example
 * const runner = createRunner(parameters)
 * const stopOnSignal = installShutdownHandlers(runner)
 * const summary = await runner.run()
 * stopOnSignal()
 */
export type Runner = {
  /** Runs the plan to its end (or until stop) and returns the summary. */
  run(): Promise<Result<RunSummary, BaseError | FundingErrorType>>
  /** Graceful: stop scheduling, let in-flight work settle within the grace period. Idempotent. */
  stop(reason: string): void
  /** Immediate: aborts every task's signal and ends the grace period now. */
  abort(reason: string): void
  snapshot(): RunSnapshot
  readonly stopReason: string | undefined
  readonly submitter: Submitter
  readonly tracker: ReceiptTracker
}
