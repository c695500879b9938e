/**
 * The Runner: wires the scheduler, wallet leasing, task contexts, the submission pipeline, the
 * receipt tracker, funding and statistics into one run with a graceful end.
 */
import { setMaxListeners } from "node:events"
import { RunnerAbortedError } from "../../errors/runner.js"
import { fundingTaskName } from "../../funding/fundWallets.js"
import { createSenderLimit } from "../../inflight/senderLimit.js"
import { Ok } from "../../result.js"
import type { ChainHead } from "../../tasks/context.js"
import { createRandom } from "../../tasks/random.js"
import { silentLogger } from "../ports.js"
import { createReceiptTracker } from "../receiptTracker.js"
import { systemClock } from "../scheduling/clock.js"
import { createScheduler, type Scheduler } from "../scheduling/scheduler.js"
import { createTaskPicker } from "../scheduling/taskPicker.js"
import { createRunStatistics } from "../statistics/statistics.js"
import { createSubmitter } from "../submitter.js"
import { createTaskDeadlines } from "../taskDeadlines.js"
import { createRunFunding } from "./runFunding.js"
import type { Runner, RunnerParameters } from "./runnerTypes.js"
import { createTaskExecutor } from "./runTask.js"
import { learnWalletNonces } from "./walletNonces.js"

export type { Runner, RunnerFunding, RunnerParameters, RunnerPlan } from "./runnerTypes.js"

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
  /** Wallets that paid for something since the last refill check: only they are re-read. */
  const spenders = new Set<string>()
  /** The newest block the tracker processed: tasks read the chain time and producer from it. */
  let head: ChainHead | undefined

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
      onBlock(block) {
        head = { number: block.number, timestamp: BigInt(block.timestamp), miner: block.miner }
      },
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
    runId: parameters.runId,
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

  const runTask = createTaskExecutor({
    parameters,
    submitter,
    tracker,
    statistics,
    deadlines,
    clock,
    logger,
    random,
    releaseRandom,
    taskTimeoutMs,
    holdLease,
    openLoop,
    minDelayMs,
    maxDelayMs,
    head: () => head,
  })

  const funding = createRunFunding({
    parameters,
    submitter,
    logger,
    clock,
    hardAbort: hardAbort.signal,
    stopSignal: stopController.signal,
    graceMs,
    spenders,
  })

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
      if (parameters.funding !== undefined) {
        const funded = await funding.fundBeforeRun(parameters.funding)
        if (funded.isErr()) {
          tracker.stop()
          await recorder.flush()
          return funded
        }
      }
      // Every wallet's nonce in one setup batch: no wallet's first send waits for a read.
      await learnWalletNonces({
        rpc,
        nonces,
        chainId,
        addresses: parameters.wallets.map((wallet) => wallet.address),
        logger,
        signal: hardAbort.signal,
      })
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
          if (recorder.underPressure()) {
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
      const refill = parameters.funding === undefined ? undefined : funding.refillLoop(parameters.funding)
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
        await funding.reclaim(parameters.funding, parameters.funding.funder.address)
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
