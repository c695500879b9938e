/**
 * The Runner: wires the scheduler, wallet leasing, task contexts, the submission pipeline, the
 * receipt tracker, funding and statistics into one run with a graceful end.
 */
import { setMaxListeners } from "node:events"
import type { BaseError } from "../../errors/base.js"
import { RunnerAbortedError, RunnerTaskCrashedError } from "../../errors/runner.js"
import { TaskTimedOutError } from "../../errors/task.js"
import type { FundingHook } from "../../funding/fundingHook.js"
import {
  type FundingErrorType,
  type FundingReport,
  fundingTaskName,
  fundWallets,
  reclaimFunds,
} from "../../funding/fundWallets.js"
import { createSenderLimit } from "../../inflight/senderLimit.js"
import { Err, Ok, type Result } from "../../result.js"
import type { TaskDatabase } from "../../tasks/context.js"
import type { ChainDefinition } from "../../tasks/defineChain.js"
import type { TaskDefinition } from "../../tasks/defineTask.js"
import { formatUnits } from "../../tasks/feeCurrency.js"
import { createRandom } from "../../tasks/random.js"
import { retrySetup, type SetupPolicy } from "../lifecycle/setupRetry.js"
import type {
  RunnerGasManager,
  RunnerLogger,
  RunnerNonceManager,
  RunnerRpc,
  RunnerWallet,
  RunnerWalletLease,
  RunnerWalletPool,
} from "../ports.js"
import { silentLogger } from "../ports.js"
import { createReceiptTracker, type ReceiptTracker } from "../receiptTracker.js"
import type { RunnerRecorder } from "../recorderPort.js"
import type { RunnerEvents } from "../runnerEvents.js"
import { type Clock, systemClock } from "../scheduling/clock.js"
import { createScheduler, type Scheduler, type StartSlot } from "../scheduling/scheduler.js"
import { createTaskPicker } from "../scheduling/taskPicker.js"
import { createRunStatistics, type RunSnapshot, type RunSummary } from "../statistics/statistics.js"
import type { SubmittedTransaction } from "../submitter.js"
import { createSubmitter, type Submitter } from "../submitter.js"
import { createTaskContext } from "../taskContext.js"
import { createTaskDeadlines } from "../taskDeadlines.js"

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
  recorder: RunnerRecorder
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

/**
 * Creates a runner.
 *
 * @example
 * const runner = createRunner({ chain, chainId, tasks, plan: { targetTps: 20, workers: 10, durationMs: 10_000 }, rpc, nonces, gas, recorder, pool, wallets })
 * const result = await runner.run()
 */
export function createRunner(parameters: RunnerParameters): Runner {
  const { plan, rpc, nonces, gas, recorder, pool, chainId } = parameters
  const logger = parameters.logger ?? silentLogger
  const clock = parameters.clock ?? systemClock
  const taskTimeoutMs = plan.taskTimeoutMs ?? 180_000
  const graceMs = plan.graceMs ?? 30_000
  const holdLease = plan.holdLeaseUntilSettled ?? true
  const random = createRandom(plan.seed)
  const pickRandom = random.fork("tasks")
  const releaseRandom = random.fork("rests")
  const openLoop = plan.targetTps > 0
  const minDelayMs = plan.minDelayMs ?? 0
  const maxDelayMs = Math.max(minDelayMs, plan.maxDelayMs ?? minDelayMs)
  const statistics = createRunStatistics({
    targetTps: plan.targetTps,
    clock,
    expectedFailureTasks: new Set(
      parameters.chain.tasks
        .filter((definition) => definition.expectedFailure)
        .map((definition) => definition.name),
    ),
  })
  const hardAbort = new AbortController()
  const stopController = new AbortController()
  // Many tasks (and funding waits) listen on these at once; that is by design, not a leak.
  setMaxListeners(0, hardAbort.signal, stopController.signal)
  const deadlines = createTaskDeadlines({ clock })
  hardAbort.signal.addEventListener("abort", () => deadlines.abortAll(hardAbort.signal.reason), {
    once: true,
  })
  let stopReason: string | undefined
  /** abort() was called (second signal, dead RPC): no more RPC lookups after the drain. */
  let abortedByCaller = false
  let scheduler: Scheduler | undefined
  let started = false
  /** Workers and service wallets: funded before the run, reclaimed after it. */
  const fundedWallets = [...parameters.wallets, ...(parameters.serviceWallets ?? [])]
  /** Wallets that paid for something since the last refill check: only they are re-read. */
  const spenders = new Set<string>()

  const tracker = createReceiptTracker({
    priorityFeeMethod: parameters.chain.capabilities.eip1559 ? "eth_maxPriorityFeePerGas" : "eth_gasPrice",
    rpc,
    recorder,
    nonces,
    gas,
    clock,
    logger,
    ...parameters.tracker,
    events: {
      onSettled(transaction, outcome, latencyMs) {
        if (transaction.taskName === fundingTaskName) return
        if (outcome.status !== "dropped") spenders.add(transaction.lane.address)
        if (outcome.status === "dropped") statistics.transactionDropped(transaction.taskName)
        else statistics.transactionIncluded(transaction.taskName, outcome.status === "reverted", latencyMs)
        parameters.events?.transactionSettled?.(transaction.taskName, outcome.status, latencyMs)
      },
    },
  })
  const submitter = createSubmitter({
    chainId,
    rpc,
    nonces,
    gas,
    recorder,
    tracker,
    logger,
    ...(parameters.useSendRawTransactionSync === undefined
      ? {}
      : { useSendRawTransactionSync: parameters.useSendRawTransactionSync }),
    onSent(taskName) {
      if (taskName === fundingTaskName) return
      statistics.transactionSent(taskName)
      parameters.events?.transactionSent?.(taskName)
    },
    onRejected(taskName, error) {
      if (taskName === fundingTaskName) return
      statistics.transactionRejected(taskName, error.code)
      parameters.events?.transactionRejected?.(taskName, error.code)
    },
    // Every path (tasks, funding, refills, reclaim) sends through here: ≤ the pool's per-sender cap.
    senderLimit: createSenderLimit({ limit: parameters.chain.maxInFlightPerSender ?? 16 }),
  })

  async function runTask(slot: StartSlot, lease: RunnerWalletLease, task: TaskDefinition): Promise<void> {
    statistics.taskStarted()
    parameters.events?.taskStarted?.(task.name)
    const timeoutMs = task.timeoutMs ?? taskTimeoutMs
    const deadline = deadlines.start(timeoutMs)
    const signal = deadline.signal
    const sent: SubmittedTransaction[] = []
    const taskLogger =
      logger.child?.({ task: task.name, worker: slot.workerId, wallet: lease.wallet.address }) ?? logger
    const context = createTaskContext({
      chain: parameters.chain,
      chainId,
      runId: parameters.runId,
      worker: slot.workerId,
      taskName: task.name,
      wallet: lease.wallet,
      submitter,
      tracker,
      rpc,
      gas,
      random: random.fork(slot.index),
      database: parameters.database,
      logger: taskLogger,
      signal,
      recorder,
      onSent: (transaction) => sent.push(transaction),
    })
    const startedAt = clock.now()
    let result: Result<unknown, BaseError>
    // Tasks return Results; a throw is a bug in the task, recorded, never fatal to the run.
    try {
      result = await task.run(context, task.parameters)
    } catch (cause) {
      result = Err(new RunnerTaskCrashedError({ task: task.name, cause }))
    }
    deadline.finish()
    if (result.isErr() && deadline.timedOut)
      result = Err(new TaskTimedOutError({ task: task.name, timeoutMs, cause: result.error }))
    const durationMs = Math.round(clock.now() - startedAt)
    const outcome = result.isOk()
      ? ({ ok: true } as const)
      : ({ ok: false, code: errorCode(result.error) } as const)
    statistics.taskFinished(task.name, outcome, durationMs)
    const status = !outcome.ok ? "failure" : isExpectedFailure(task, result) ? "expected_failure" : "success"
    parameters.events?.taskFinished?.(task.name, status, outcome.ok ? undefined : outcome.code, durationMs)
    recorder.taskMetric({
      workerId: slot.workerId,
      walletAddress: lease.wallet.address,
      taskName: task.name,
      status,
      ...(outcome.ok ? {} : { message: firstLine(result), errorCode: outcome.code }),
      durationMs,
      timestamp: Date.now(),
    })
    // Open loop: the min/max delay between one wallet's tasks is a rest before its lease returns
    // (the closed loop sleeps in the worker instead). An unref'd timer, never a finalizer.
    const restMs = openLoop ? minDelayMs + releaseRandom.next() * (maxDelayMs - minDelayMs) : 0
    const release = () => {
      if (restMs <= 0) return lease.release()
      setTimeout(() => lease.release(), restMs).unref()
    }
    if (holdLease && sent.length > 0) {
      // Release once the wallet's transactions settled (included or dropped): one lane in flight.
      void Promise.all(sent.map((transaction) => transaction.outcome)).then(release, release)
    } else release()
  }

  async function refillLoop(funding: RunnerFunding) {
    const interval = funding.refillIntervalMs ?? 15_000
    if (interval <= 0) return
    while (!stopController.signal.aborted) {
      await clock.sleep(interval, stopController.signal)
      if (stopController.signal.aborted) return
      if (spenders.size === 0) continue
      const addresses = [...spenders]
      spenders.clear()
      const refilled = await fundWallets({
        hook: funding.hook,
        rpc,
        gas,
        submitter,
        funder: funding.funder,
        addresses,
        target: funding.target,
        threshold: funding.threshold ?? funding.target / 2n,
        signal: hardAbort.signal,
      })
      if (refilled.isErr()) logger.warn({ code: refilled.error.code }, "refill failed")
      else if (refilled.value.funded > 0) logger.info({ funded: refilled.value.funded }, "refilled wallets")
    }
  }

  async function reclaim(funding: RunnerFunding, funderAddress: string) {
    const reclaimed = await reclaimFunds({
      hook: funding.hook,
      rpc,
      gas,
      submitter,
      wallets: fundedWallets,
      funderAddress,
      signal: AbortSignal.any([hardAbort.signal, AbortSignal.timeout(graceMs)]),
    })
    if (reclaimed.isErr()) logger.warn({ code: reclaimed.error.code }, "reclaim failed")
    else logger.info({ reclaimed: reclaimed.value.reclaimed.toString() }, "funds returned to the funder")
  }

  const runner: Runner = {
    async run() {
      // A runner is single-use: its statistics, tracker and leases belong to one run.
      if (started) throw new Error("runner.run() was already called; create a new runner per run")
      started = true
      const picker = createTaskPicker({
        tasks: parameters.tasks ?? parameters.chain.tasks,
        capabilities: parameters.chain.capabilities,
        ...(plan.taskWeights === undefined ? {} : { weights: plan.taskWeights }),
        ...(plan.taskFilter === undefined ? {} : { filter: plan.taskFilter }),
        random: pickRandom.next,
      })
      if (picker.isErr()) return picker
      await tracker.start()
      let funded: FundingReport | undefined
      if (parameters.funding !== undefined) {
        const funding = parameters.funding
        // A round is idempotent (balances are re-read, funded wallets skipped), so a transient
        // failure retries the whole round.
        const fund = (signal?: AbortSignal) =>
          fundWallets({
            hook: funding.hook,
            rpc,
            gas,
            submitter,
            funder: funding.funder,
            addresses: fundedWallets.map((wallet) => wallet.address),
            target: funding.target,
            ...(funding.threshold === undefined ? {} : { threshold: funding.threshold }),
            signal: signal === undefined ? hardAbort.signal : AbortSignal.any([hardAbort.signal, signal]),
            logger,
          })
        const result =
          parameters.setup === undefined
            ? await fund()
            : await retrySetup("funding the worker wallets", fund, {
                ...parameters.setup,
                logger,
                signal: hardAbort.signal,
                waitLogIntervalMs: 0,
              })
        if (result.isErr()) {
          tracker.stop()
          await recorder.flush()
          return result
        }
        funded = result.value
        // In units with the funding currency's symbol; base units kept for machines.
        logger.info(
          {
            funded: funded.funded,
            total: `${formatUnits(funded.total, funding.hook.currency.decimals)} ${funding.hook.currency.symbol}`,
            totalBaseUnits: funded.total.toString(),
          },
          "wallets funded",
        )
      }
      statistics.begin()
      scheduler = createScheduler({
        plan: {
          mode: openLoop ? "open" : "closed",
          targetTps: plan.targetTps,
          concurrency: plan.workers,
          ...(plan.rampUpMs === undefined ? {} : { rampUpMs: plan.rampUpMs }),
          ...(plan.durationMs === undefined ? {} : { durationMs: plan.durationMs }),
          ...(plan.count === undefined ? {} : { count: plan.count }),
          ...(plan.minDelayMs === undefined ? {} : { minDelayMs: plan.minDelayMs }),
          ...(plan.maxDelayMs === undefined ? {} : { maxDelayMs: plan.maxDelayMs }),
        },
        clock,
        random: random.fork("delays").next,
        launch(slot) {
          // Back-pressure: a full recorder queue skips starts instead of growing memory.
          if (recorder.underPressure?.() === true) {
            statistics.startSkipped()
            return undefined
          }
          const lease = pool.lease()
          if (lease === undefined) {
            statistics.startSkipped()
            return undefined
          }
          return runTask(slot, lease, picker.value.pick())
        },
      })
      const refill = parameters.funding === undefined ? undefined : refillLoop(parameters.funding)
      if (stopReason !== undefined) scheduler.stop()
      const scheduled = await scheduler.run()
      statistics.sendingEnded()
      const graceEnds = clock.now() + graceMs
      const grace = () => (hardAbort.signal.aborted ? 0 : Math.max(0, graceEnds - clock.now()))
      stopController.abort()
      const drained = await scheduler.drain(grace())
      if (!drained) hardAbort.abort(new RunnerAbortedError({ reason: "grace period over" }))
      let settled = await tracker.waitForSettled(grace())
      statistics.end()
      if (
        parameters.funding?.reclaimAtEnd === true &&
        parameters.funding.funder !== undefined &&
        !hardAbort.signal.aborted
      )
        await reclaim(parameters.funding, parameters.funding.funder.address)
      tracker.stop()
      // Whatever is still pending gets one last receipt lookup, so the journal is as exact as possible.
      // Skipped after abort(): a second signal exits now, a dead RPC would only time out again.
      if (!settled && !abortedByCaller)
        settled = (await tracker.reconcilePending()) >= 0 && tracker.pendingCount === 0
      // Releases any wait still open (a refill in progress): the tracker no longer settles anything.
      hardAbort.abort(new RunnerAbortedError({ reason: "run finished" }))
      await refill
      await recorder.flush()
      statistics.end()
      const reason =
        stopReason ?? (plan.count !== undefined && scheduled.started >= plan.count ? "count" : "duration")
      logger.info({ drained, settled, reason }, "run finished")
      return Ok(statistics.summary(reason))
    },
    stop(reason) {
      if (stopReason !== undefined) return
      stopReason = reason
      stopController.abort()
      scheduler?.stop()
    },
    abort(reason) {
      abortedByCaller = true
      runner.stop(reason)
      hardAbort.abort(new RunnerAbortedError({ reason }))
      scheduler?.stop()
    },
    snapshot() {
      return statistics.snapshot()
    },
    get stopReason() {
      return stopReason
    },
    submitter,
    tracker,
  }
  return runner
}

function firstLine(result: Result<unknown, BaseError>): string {
  if (result.isOk()) return ""
  const error = result.error
  return (error.shortMessage ?? error.message ?? String(error)).split("\n")[0] ?? ""
}

function errorCode(error: BaseError): string {
  return typeof error.code === "string" && error.code !== "" ? error.code : (error.name ?? "UNKNOWN")
}

/** A task that is meant to fail (declared so, or its outcome says so) and did: recorded as such. */
function isExpectedFailure(task: { expectedFailure?: boolean }, result: Result<unknown, BaseError>) {
  if (task.expectedFailure === true) return true
  const outcome: unknown = result.isOk() ? result.value : undefined
  return (
    typeof outcome === "object" &&
    outcome !== null &&
    (outcome as { expectedFailure?: unknown }).expectedFailure === true
  )
}
