// One task start of a run: a context on the leased wallet, the task under its deadline (a throw is
// recorded as a crash, never fatal), its outcome in the statistics and the journal, and the lease
// returned once the wallet's transactions settled (after the open loop's rest).
import type { BaseError } from "../../errors/base.js"
import { RunnerTaskCrashedError } from "../../errors/runner.js"
import { TaskTimedOutError } from "../../errors/task.js"
import { Err, type Result } from "../../result.js"
import type { ChainHead } from "../../tasks/context.js"
import type { TaskDefinition } from "../../tasks/defineTask.js"
import type { Random } from "../../tasks/random.js"
import type { RunnerLogger, RunnerWalletLease } from "../ports.js"
import type { ReceiptTracker } from "../receiptTracker.js"
import type { Clock } from "../scheduling/clock.js"
import type { StartSlot } from "../scheduling/scheduler.js"
import type { RunStatistics } from "../statistics/statistics.js"
import type { SubmittedTransaction, Submitter } from "../submitter.js"
import { createTaskContext } from "../taskContext.js"
import type { TaskDeadlines } from "../taskDeadlines.js"
import type { RunnerParameters } from "./runnerTypes.js"

/**
 * What running one task needs from its run.
 *
 * @example
 * const runTask = createTaskExecutor({ parameters, submitter, tracker, statistics, deadlines, clock, logger, random, releaseRandom, taskTimeoutMs: 180_000, holdLease: true, openLoop: true, minDelayMs: 0, maxDelayMs: 0 })
 */
export type TaskExecution = {
  parameters: RunnerParameters
  submitter: Submitter
  tracker: ReceiptTracker
  statistics: RunStatistics
  deadlines: TaskDeadlines
  clock: Clock
  logger: RunnerLogger
  /** The run's random source; each start forks its own stream by slot index. */
  random: Random
  /** Draws the open loop's rest before a lease returns. */
  releaseRandom: Random
  taskTimeoutMs: number
  holdLease: boolean
  openLoop: boolean
  minDelayMs: number
  maxDelayMs: number
  /** The newest block the tracker processed, for `context.head()`. */
  head?(): ChainHead | undefined
}

/**
 * The function the scheduler launches for each start slot.
 *
 * @example
 * launch: (slot) => runTask(slot, lease, picker.pick())
 */
export function createTaskExecutor(
  execution: TaskExecution,
): (slot: StartSlot, lease: RunnerWalletLease, task: TaskDefinition) => Promise<void> {
  const { parameters, submitter, tracker, statistics, deadlines, clock, logger, random, releaseRandom } =
    execution
  const { taskTimeoutMs, holdLease, openLoop, minDelayMs, maxDelayMs } = execution
  const { rpc, gas, recorder, chainId } = parameters
  return async function runTask(
    slot: StartSlot,
    lease: RunnerWalletLease,
    task: TaskDefinition,
  ): Promise<void> {
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
      ...(execution.head === undefined ? {} : { head: execution.head }),
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
    recorder.recordTaskMetric({
      runId: parameters.runId,
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
